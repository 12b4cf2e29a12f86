using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

/// <summary>The columns of an entry the detectors look at. The caller is the organisation, or the subject when there is none.</summary>
internal readonly record struct ScannedEntry(
    long TimeUnixMs,
    string RequestId,
    string Caller,
    string? OrganizationId,
    string? CitizenRef,
    string? Field,
    FieldOutcome Decision,
    string? Reason)
{
    public bool IsRead => Decision != FieldOutcome.Denied && CitizenRef is not null;
}

/// <summary>Counts, first and last time, and a few request ids: the evidence of one finding.</summary>
internal sealed class Tally(int maxRequestIds)
{
    private readonly List<string> _requestIds = [];

    public long Count { get; private set; }

    public long FirstMs { get; private set; } = long.MaxValue;

    public long LastMs { get; private set; } = long.MinValue;

    public IReadOnlyList<string> RequestIds => _requestIds;

    public void Add(in ScannedEntry entry)
    {
        Count++;
        FirstMs = Math.Min(FirstMs, entry.TimeUnixMs);
        LastMs = Math.Max(LastMs, entry.TimeUnixMs);
        if (_requestIds.Count < maxRequestIds && !_requestIds.Contains(entry.RequestId))
        {
            _requestIds.Add(entry.RequestId);
        }
    }
}

/// <summary>One pattern the scan looks for; it sees every entry once, in log order.</summary>
internal interface IAnomalyDetector
{
    void Observe(in ScannedEntry entry);

    IEnumerable<AnomalyFinding> Findings();
}
