namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

/// <summary>
/// Citizens read by at least <see cref="AnomalyOptions.CrowdOrganizations"/> distinct organisations within
/// <see cref="AnomalyOptions.CrowdWindow"/>: a person suddenly of interest to many. Only the reads of the last window
/// are kept per citizen, and citizens quiet for a window are dropped, so memory follows the window, not the log.
/// </summary>
internal sealed class CrowdedCitizens(AnomalyOptions options) : IAnomalyDetector
{
    private const int PruneEvery = 100_000;
    private readonly long _windowMs = (long)options.CrowdWindow.TotalMilliseconds;
    private readonly Dictionary<string, Recent> _citizens = new(StringComparer.Ordinal);
    private readonly List<AnomalyFinding> _findings = [];
    private long _observed;

    public void Observe(in ScannedEntry entry)
    {
        if (!entry.IsRead || entry.OrganizationId is not { } organization)
        {
            return;
        }

        if (++_observed % PruneEvery == 0)
        {
            Prune(entry.TimeUnixMs);
        }

        if (!_citizens.TryGetValue(entry.CitizenRef!, out var recent))
        {
            _citizens[entry.CitizenRef!] = recent = new Recent();
        }

        var windowStart = entry.TimeUnixMs - _windowMs;
        recent.Reads.RemoveAll(read => read.TimeUnixMs < windowStart);
        recent.Reads.Add((entry.TimeUnixMs, organization, entry.RequestId));
        var organizations = recent.Reads.Select(read => read.Organization).Distinct().ToList();
        if (organizations.Count < options.CrowdOrganizations)
        {
            return;
        }

        // One finding per crowd: while the window since it was first flagged lasts, later readers widen it.
        var finding = new AnomalyFinding(AnomalyKind.CitizenReadByManyOrganizations,
            AnomalyFinding.SeverityOf(organizations.Count, options.CrowdOrganizations), entry.CitizenRef!,
            DateTimeOffset.FromUnixTimeMilliseconds(recent.Reads[0].TimeUnixMs), DateTimeOffset.FromUnixTimeMilliseconds(entry.TimeUnixMs),
            organizations.Count, options.CrowdOrganizations,
            $"read by {organizations.Count} organisations within {options.CrowdWindow.TotalMinutes:N0} min: {string.Join(", ", organizations.Order())}",
            recent.Reads.Select(read => read.RequestId).Distinct().Take(options.EvidenceRequestIds).ToList());
        if (recent.Finding is { } open && entry.TimeUnixMs - recent.FlaggedAtMs < _windowMs)
        {
            _findings[open] = finding with { From = _findings[open].From };
            return;
        }

        recent.FlaggedAtMs = entry.TimeUnixMs;
        recent.Finding = _findings.Count;
        _findings.Add(finding);
    }

    public IEnumerable<AnomalyFinding> Findings() => _findings;

    private void Prune(long nowMs)
    {
        foreach (var (citizen, recent) in _citizens)
        {
            if (recent.Reads.Count == 0 || recent.Reads[^1].TimeUnixMs < nowMs - _windowMs)
            {
                _citizens.Remove(citizen);
            }
        }
    }

    private sealed class Recent
    {
        public List<(long TimeUnixMs, string Organization, string RequestId)> Reads { get; } = [];

        public long FlaggedAtMs { get; set; }

        /// <summary>The index of this citizen's latest finding.</summary>
        public int? Finding { get; set; }
    }
}
