using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.AccessLog.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

/// <summary>
/// One streaming pass over the log from <c>since</c> (and the trailing days before it, for the volume baseline),
/// oldest first, through every detector; findings are ordered by severity, then time.
/// </summary>
public static class AnomalyScan
{
    public static async Task<IReadOnlyList<AnomalyFinding>> RunAsync(
        AccessLogDbContext context, DateTimeOffset since, AnomalyOptions options, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        var firstDay = sinceMs / DailyCounts.MillisecondsPerDay;
        var scanFromMs = (firstDay - options.TrailingDays) * DailyCounts.MillisecondsPerDay;
        var volume = new VolumeSpikes(options, firstDay);
        IAnomalyDetector[] recentOnly = [new DeniedFieldProbes(options), new OffHoursBulkReads(options), new CrowdedCitizens(options)];

        var entries = context.Entries.AsNoTracking()
            .Where(e => e.TimeUnixMs >= scanFromMs)
            .OrderBy(e => e.Sequence)
            .Select(e => new ScannedEntry(e.TimeUnixMs, e.RequestId, e.OrganizationId ?? e.Subject ?? "unknown", e.OrganizationId, e.CitizenRef, e.Field, e.Decision, e.Reason))
            .AsAsyncEnumerable();
        var scanned = 0L;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            volume.Observe(entry);
            if (entry.TimeUnixMs >= sinceMs)
            {
                foreach (var detector in recentOnly)
                {
                    detector.Observe(entry);
                }
            }

            if (++scanned % 100_000 == 0)
            {
                progress?.Report(scanned);
            }
        }

        return recentOnly.Prepend(volume)
            .SelectMany(detector => detector.Findings())
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.From)
            .ToList();
    }
}
