using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Reading;

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
        var firstDay = sinceMs / HourlyCounts.MillisecondsPerDay;
        var scanFromMs = (firstDay - options.TrailingDays) * HourlyCounts.MillisecondsPerDay;
        var volume = new VolumeSpikes(options, firstDay);
        IAnomalyDetector[] recentOnly = [new DeniedFieldProbes(options), new OffHoursBulkReads(options), new CrowdedCitizens(options)];

        var entries = new AccessLogReader(context).StreamAsync(new AccessLogFilter(From: DateTimeOffset.FromUnixTimeMilliseconds(scanFromMs)), cancellationToken);
        var scanned = 0L;
        await foreach (var stored in entries)
        {
            var entry = new ScannedEntry(stored.TimeUnixMs, stored.RequestId, stored.OrganizationId ?? stored.Subject ?? "unknown", stored.OrganizationId,
                stored.CitizenRef, stored.Field, stored.Decision, stored.Reason);
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
