using GraphQlRegistry.AccessLog.Rollups;

namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

/// <summary>
/// Organisations whose entries on one UTC day exceed <see cref="AnomalyOptions.VolumeFactor"/> times the median of
/// their previous <see cref="AnomalyOptions.TrailingDays"/> days (days without entries count as zero).
/// </summary>
internal sealed class VolumeSpikes(AnomalyOptions options, long firstReportedDay) : IAnomalyDetector
{
    private readonly Dictionary<(string Organization, long Day), Tally> _days = [];

    public void Observe(in ScannedEntry entry)
    {
        if (entry.OrganizationId is not { } organization)
        {
            return;
        }

        var key = (organization, entry.TimeUnixMs / HourlyCounts.MillisecondsPerDay);
        if (!_days.TryGetValue(key, out var tally))
        {
            _days[key] = tally = new Tally(options.EvidenceRequestIds);
        }

        tally.Add(entry);
    }

    public IEnumerable<AnomalyFinding> Findings()
    {
        var firstDays = _days.Keys.GroupBy(key => key.Organization).ToDictionary(g => g.Key, g => g.Min(key => key.Day));
        foreach (var ((organization, day), tally) in _days.Where(d => d.Key.Day >= firstReportedDay).OrderBy(d => d.Key.Day))
        {
            var trailing = Enumerable.Range(1, options.TrailingDays)
                .Select(back => day - back)
                .Where(earlierDay => earlierDay >= firstDays[organization])
                .Select(earlierDay => _days.TryGetValue((organization, earlierDay), out var earlier) ? earlier.Count : 0)
                .ToArray();
            if (trailing.Length < options.MinimumHistoryDays)
            {
                continue;
            }

            var median = Median(trailing);
            var threshold = options.VolumeFactor * Math.Max(median, 1);
            if (tally.Count <= threshold || tally.Count < options.MinimumDailyVolume)
            {
                continue;
            }

            var date = DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day));
            yield return new AnomalyFinding(AnomalyKind.VolumeSpike, AnomalyFinding.SeverityOf(tally.Count, threshold), organization,
                DateTimeOffset.FromUnixTimeMilliseconds(tally.FirstMs), DateTimeOffset.FromUnixTimeMilliseconds(tally.LastMs), tally.Count, threshold,
                $"{tally.Count:N0} entries on {date:yyyy-MM-dd} against a trailing {options.TrailingDays}-day median of {median:N0}", tally.RequestIds);
        }
    }

    private static double Median(long[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
