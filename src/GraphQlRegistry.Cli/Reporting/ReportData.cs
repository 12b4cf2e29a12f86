using GraphQlRegistry.AccessLog.Analysis.Anomalies;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Cli.Reporting;

/// <summary>Everything the report shows, read through the same rollup, scan and verifier as the other audit commands.</summary>
public sealed record ReportData(
    DateTimeOffset Since,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<AccessStatsBucket> PerDayByType,
    IReadOnlyList<AccessStatsBucket> TypeByField,
    IReadOnlyList<AccessStatsBucket> DeniedFields,
    IReadOnlyList<AccessStatsBucket> Organizations,
    IReadOnlyList<AnomalyFinding> Findings,
    ChainVerification Chain,
    IReadOnlyList<FlaggedAccess> Flagged)
{
    public const int TopRows = 10;

    public static async Task<ReportData> ReadAsync(
        AccessLogDbContext log, ChainCheckpoints checkpoints, DateTimeOffset since, AnomalyOptions anomalies, CancellationToken cancellationToken)
    {
        var counts = new HourlyCounts(log);
        var range = new AccessLogFilter(From: since);
        return new ReportData(
            since,
            DateTimeOffset.UtcNow,
            await counts.StatsAsync(Dimensions(AccessStatsDimension.Day, AccessStatsDimension.OrganizationType), range, cancellationToken),
            await counts.StatsAsync(Dimensions(AccessStatsDimension.OrganizationType, AccessStatsDimension.Field), range, cancellationToken),
            (await counts.StatsAsync(Dimensions(AccessStatsDimension.Field), range with { Decision = FieldOutcome.Denied }, cancellationToken)).Take(TopRows).ToList(),
            (await counts.StatsAsync(Dimensions(AccessStatsDimension.Organization, AccessStatsDimension.OrganizationType), range, cancellationToken))
                .Where(b => b.OrganizationId is not null).Take(TopRows).ToList(),
            await AnomalyScan.RunAsync(log, since, anomalies, null, cancellationToken),
            await ChainVerifier.VerifyAsync(log, checkpoints, cancellationToken),
            await new AccessFlags(log).FlaggedAccessesAsync(since, cancellationToken));
    }

    private static HashSet<AccessStatsDimension> Dimensions(params AccessStatsDimension[] dimensions) => [.. dimensions];
}
