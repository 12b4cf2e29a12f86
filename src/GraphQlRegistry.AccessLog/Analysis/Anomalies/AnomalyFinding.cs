namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

public enum AnomalyKind
{
    /// <summary>An organisation's daily volume far above its trailing median.</summary>
    VolumeSpike,

    /// <summary>One caller collecting many denials of fields it may not read.</summary>
    DeniedFieldProbing,

    /// <summary>One caller reading many citizens outside office hours.</summary>
    OffHoursBulkRead,

    /// <summary>One citizen read by many organisations in a short window.</summary>
    CitizenReadByManyOrganizations,
}

public enum AnomalySeverity
{
    Low,
    Medium,
    High,
}

/// <summary>
/// One finding with its evidence: who (an organisation or caller; for a crowded citizen, the pseudonymous
/// reference), when, how many against what threshold, and request ids to pull the entries by.
/// </summary>
public sealed record AnomalyFinding(
    AnomalyKind Kind,
    AnomalySeverity Severity,
    string Subject,
    DateTimeOffset From,
    DateTimeOffset To,
    long Observed,
    double Threshold,
    string Detail,
    IReadOnlyList<string> RequestIds)
{
    /// <summary>Twice the threshold is Medium, four times is High.</summary>
    public static AnomalySeverity SeverityOf(double observed, double threshold) =>
        observed >= 4 * threshold ? AnomalySeverity.High : observed >= 2 * threshold ? AnomalySeverity.Medium : AnomalySeverity.Low;
}
