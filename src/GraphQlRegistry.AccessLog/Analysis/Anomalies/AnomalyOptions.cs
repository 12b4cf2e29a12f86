namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

/// <summary>
/// The thresholds of the anomaly scan. Defaults suit a national registry's daily rhythm; every one can be set from
/// the command line, so a security team tunes them to its own baseline.
/// </summary>
public sealed record AnomalyOptions
{
    /// <summary>An organisation's day is a spike when its entries exceed this many times its trailing median.</summary>
    public double VolumeFactor { get; init; } = 3;

    public int TrailingDays { get; init; } = 7;

    /// <summary>Days with entries the trailing window needs before a spike is judged; a new organisation has no baseline.</summary>
    public int MinimumHistoryDays { get; init; } = 3;

    /// <summary>Below this many entries a day is never a spike, whatever the ratio.</summary>
    public long MinimumDailyVolume { get; init; } = 100;

    /// <summary>Denied fields by one caller within one <see cref="ProbeWindow"/> that make a probe.</summary>
    public int ProbeDenials { get; init; } = 20;

    public TimeSpan ProbeWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Distinct citizens one caller reads outside office hours on one local day that make a bulk read.</summary>
    public int OffHoursCitizens { get; init; } = 50;

    public string TimeZone { get; init; } = "Asia/Ho_Chi_Minh";

    public TimeOnly OfficeOpens { get; init; } = new(8, 0);

    public TimeOnly OfficeCloses { get; init; } = new(17, 30);

    /// <summary>Distinct organisations reading one citizen within <see cref="CrowdWindow"/> that make a crowd.</summary>
    public int CrowdOrganizations { get; init; } = 4;

    public TimeSpan CrowdWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Request ids kept per finding as evidence.</summary>
    public int EvidenceRequestIds { get; init; } = 5;
}
