using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

/// <summary>
/// Callers collecting at least <see cref="AnomalyOptions.ProbeDenials"/> denied fields within one
/// <see cref="AnomalyOptions.ProbeWindow"/> (fixed windows from the epoch): asking again and again for what the law
/// withholds is how a caller maps the edges of its entitlements.
/// </summary>
internal sealed class DeniedFieldProbes(AnomalyOptions options) : IAnomalyDetector
{
    private readonly long _windowMs = (long)options.ProbeWindow.TotalMilliseconds;
    private readonly Dictionary<(string Caller, long Window), (Tally Tally, HashSet<string> Fields)> _windows = [];

    public void Observe(in ScannedEntry entry)
    {
        if (entry.Decision != FieldOutcome.Denied || entry.Field is null)
        {
            return;
        }

        var key = (entry.Caller, entry.TimeUnixMs / _windowMs);
        if (!_windows.TryGetValue(key, out var window))
        {
            _windows[key] = window = (new Tally(options.EvidenceRequestIds), []);
        }

        window.Tally.Add(entry);
        window.Fields.Add(entry.Field);
    }

    public IEnumerable<AnomalyFinding> Findings() =>
        from pair in _windows
        let tally = pair.Value.Tally
        where tally.Count >= options.ProbeDenials
        orderby tally.FirstMs
        select new AnomalyFinding(AnomalyKind.DeniedFieldProbing, AnomalyFinding.SeverityOf(tally.Count, options.ProbeDenials), pair.Key.Caller,
            DateTimeOffset.FromUnixTimeMilliseconds(tally.FirstMs), DateTimeOffset.FromUnixTimeMilliseconds(tally.LastMs), tally.Count, options.ProbeDenials,
            $"{tally.Count:N0} denied fields within {options.ProbeWindow.TotalMinutes:N0} min: {string.Join(", ", pair.Value.Fields.Order().Take(8))}",
            tally.RequestIds);
}
