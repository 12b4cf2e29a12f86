using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>The last entry of the chain: where the next entry links on.</summary>
public readonly record struct ChainHead(long Sequence, string Hash)
{
    public static ChainHead Genesis => new(0, EntryHasher.Genesis);
}

/// <summary>Records placed in the chain: the entries, the citizen spans that index them, and the new head.</summary>
public sealed record LinkedBatch(IReadOnlyList<AccessLogEntry> Entries, IReadOnlyList<CitizenSpan> Spans, ChainHead Head);

/// <summary>
/// Places records in the chain after a head: sequence numbers, hashes, and one span per run of consecutive entries
/// about one citizen. Pure: stores only write what it returns, so every store links exactly alike.
/// </summary>
public static class ChainLinker
{
    public static LinkedBatch Link(ChainHead head, IEnumerable<AccessRecord> records)
    {
        var entries = new List<AccessLogEntry>();
        var spans = new List<CitizenSpan>();
        var (sequence, previousHash) = head;
        foreach (var record in records)
        {
            var entry = AccessLogEntry.Link(record, ++sequence, previousHash);
            entries.Add(entry);
            previousHash = entry.Hash;
            Extend(spans, entry);
        }

        return new LinkedBatch(entries, spans, new ChainHead(sequence, previousHash));
    }

    private static void Extend(List<CitizenSpan> spans, AccessLogEntry entry)
    {
        if (entry.CitizenRef is not { } citizen)
        {
            return;
        }

        if (spans.Count > 0 && spans[^1] is { } last && last.CitizenRef == citizen && last.LastSequence == entry.Sequence - 1)
        {
            spans[^1] = new CitizenSpan { CitizenRef = citizen, FirstSequence = last.FirstSequence, LastSequence = entry.Sequence };
            return;
        }

        spans.Add(new CitizenSpan { CitizenRef = citizen, FirstSequence = entry.Sequence, LastSequence = entry.Sequence });
    }
}
