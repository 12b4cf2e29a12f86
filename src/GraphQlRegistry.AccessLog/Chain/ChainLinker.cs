using System.Runtime.InteropServices;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>The last entry of the chain and the hash of the request it ends: where the next request links on.</summary>
public readonly record struct ChainHead(long Sequence, string Hash)
{
    public static ChainHead Genesis => new(0, RequestHasher.Genesis);
}

/// <summary>
/// One hashed unit of the chain: the consecutive records of one request (one <see cref="AccessContext"/>), numbered
/// from <see cref="Start"/>, at <see cref="Count"/> records from <see cref="Offset"/> in the batch's records.
/// </summary>
public sealed record LinkedRequest(long Start, int Offset, int Count, AccessContext Context, long TimeUnixMs, byte[] PreviousHash, byte[] Hash)
{
    public long Last => Start + Count - 1;
}

/// <summary>Records placed in the chain: the requests that hash them, the citizen spans that index them, and the new head.</summary>
public sealed record LinkedBatch(ArraySegment<AccessRecord> Records, IReadOnlyList<LinkedRequest> Requests, IReadOnlyList<CitizenSpan> Spans, ChainHead Head)
{
    public ReadOnlySpan<AccessRecord> RecordsOf(LinkedRequest request) => Records.AsSpan(request.Offset, request.Count);
}

/// <summary>
/// The arrays a writer's batches are linked in, kept from one batch to the next: a page's batch holds some 16,000
/// records, and arrays that size, made anew for every commit, land on the large-object heap and bring on full
/// collections. A batch's records live here until the next <see cref="ChainLinker.Link(ChainHead, IEnumerable{AccessRecord}, LinkBuffers)"/>
/// with the same buffers, so one writer owns one, and nothing outside this assembly may hold its batches. Slots past
/// the current batch are cleared, so no earlier record stays reachable from here.
/// </summary>
internal sealed class LinkBuffers
{
    internal AccessRecord[] Records = [];
    internal int RecordsInUse;
    internal AccessRecord[] Grouped = [];
    internal HashedEntry[] Hashed = [];
    internal int[] GroupOf = [];

    /// <summary>A scratch array of at least this length; what it held before is not kept.</summary>
    internal static T[] AtLeast<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }

        return array;
    }
}

/// <summary>
/// Places records in the chain after a head: consecutive records of one request become one hashed unit, entries are
/// numbered on from the head, and each run of consecutive entries about one citizen becomes a span. Within a unit the
/// entries are numbered citizen by citizen (<see cref="GroupByCitizen"/>), so each citizen has one span per request.
/// Pure: stores only write what it returns, so every store links exactly alike.
/// </summary>
public static class ChainLinker
{
    /// <summary>
    /// How far an entry's time may lie from its request's (stored as a small offset): a request's records are made
    /// within its execution, far inside this; a request that somehow lasted longer is split into several units.
    /// </summary>
    public const long MaxTimeOffsetMs = 3_600_000;

    public static LinkedBatch Link(ChainHead head, IEnumerable<AccessRecord> records) => Link(head, records, new LinkBuffers());

    internal static LinkedBatch Link(ChainHead head, IEnumerable<AccessRecord> records, LinkBuffers buffers)
    {
        // A copy, always: grouping reorders it.
        var all = CopyOf(records, buffers);
        var requests = new List<LinkedRequest>();
        var spans = new List<CitizenSpan>();
        var sequence = head.Sequence;
        var previousHash = Convert.FromHexString(head.Hash);
        var hashed = LinkBuffers.AtLeast(ref buffers.Hashed, all.Count);
        for (var offset = 0; offset < all.Count;)
        {
            var count = UnitLength(all, offset);
            var unit = all.AsSpan(offset, count);
            GroupByCitizen(unit, buffers);
            for (var i = 0; i < count; i++)
            {
                hashed[offset + i] = HashedEntry.Of(unit[i]);
            }

            var time = unit[0].Time.ToUnixTimeMilliseconds();
            var hash = RequestHasher.Compute(previousHash, sequence + 1, time, HashedContext.Of(unit[0].Context), hashed.AsSpan(offset, count));
            hashed.AsSpan(offset, count).Clear();
            requests.Add(new LinkedRequest(sequence + 1, offset, count, unit[0].Context, time, previousHash, hash));
            AddSpans(spans, unit, sequence + 1);
            sequence += count;

            previousHash = hash;
            offset += count;
        }

        return new LinkedBatch(all, requests, spans, new ChainHead(sequence, Convert.ToHexStringLower(previousHash)));
    }

    private static ArraySegment<AccessRecord> CopyOf(IEnumerable<AccessRecord> records, LinkBuffers buffers)
    {
        var count = 0;
        foreach (var record in records)
        {
            if (count == buffers.Records.Length)
            {
                Array.Resize(ref buffers.Records, Math.Max(16, count * 2));
            }

            buffers.Records[count++] = record;
        }

        if (count < buffers.RecordsInUse)
        {
            Array.Clear(buffers.Records, count, buffers.RecordsInUse - count);
        }

        buffers.RecordsInUse = count;
        return new ArraySegment<AccessRecord>(buffers.Records, 0, count);
    }

    private static int UnitLength(ArraySegment<AccessRecord> records, int offset)
    {
        var first = records[offset];
        var time = first.Time.ToUnixTimeMilliseconds();
        var end = offset + 1;
        while (end < records.Count && (ReferenceEquals(records[end].Context, first.Context) || records[end].Context == first.Context)
            && Math.Abs(records[end].Time.ToUnixTimeMilliseconds() - time) <= MaxTimeOffsetMs)
        {
            end++;
        }

        return end - offset;
    }

    /// <summary>
    /// Puts each citizen's records of one request next to each other: citizens in the order of their first record,
    /// each one's records (and those about no citizen, as one more group) in the order they were made. A page of 500
    /// citizens resolves their relatives after them, which would otherwise cut each citizen's entries into several
    /// spans, each one more row in the spans and in the citizen index; the index rows are most of a commit's cost.
    /// </summary>
    private static void GroupByCitizen(Span<AccessRecord> unit, LinkBuffers buffers)
    {
        if (AllAboutOneCitizen(unit))
        {
            return;
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var noCitizen = -1;
        var groupOf = LinkBuffers.AtLeast(ref buffers.GroupOf, unit.Length);
        var sizes = new List<int>();
        var (previousCitizen, previousGroup) = ((string?)null, -1);
        for (var i = 0; i < unit.Length; i++)
        {
            // A citizen's entries come in runs carrying one pseudonym object: only a new object is looked up by content.
            var citizen = unit[i].CitizenRef;
            var group = previousGroup >= 0 && ReferenceEquals(citizen, previousCitizen) ? previousGroup : GroupOf(citizen);
            (previousCitizen, previousGroup) = (citizen, group);
            sizes[group]++;
            groupOf[i] = group;
        }

        var next = new int[sizes.Count];
        for (var group = 1; group < sizes.Count; group++)
        {
            next[group] = next[group - 1] + sizes[group - 1];
        }

        var grouped = LinkBuffers.AtLeast(ref buffers.Grouped, unit.Length);
        for (var i = 0; i < unit.Length; i++)
        {
            grouped[next[groupOf[i]]++] = unit[i];
        }

        grouped.AsSpan(0, unit.Length).CopyTo(unit);
        grouped.AsSpan(0, unit.Length).Clear();

        int GroupOf(string? citizen)
        {
            if (citizen is null)
            {
                return noCitizen >= 0 ? noCitizen : noCitizen = NewGroup();
            }

            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, citizen, out var known);
            return known ? group : group = NewGroup();
        }

        int NewGroup()
        {
            sizes.Add(0);
            return sizes.Count - 1;
        }
    }

    private static bool AllAboutOneCitizen(ReadOnlySpan<AccessRecord> unit)
    {
        foreach (ref readonly var record in unit)
        {
            if (!string.Equals(record.CitizenRef, unit[0].CitizenRef, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One span per run of consecutive entries about one citizen, numbered from <paramref name="firstSequence"/>. Spans
    /// stay within one request, so a span's entries are found under one request row.
    /// </summary>
    private static void AddSpans(List<CitizenSpan> spans, ReadOnlySpan<AccessRecord> unit, long firstSequence)
    {
        for (var start = 0; start < unit.Length;)
        {
            var citizen = unit[start].CitizenRef;
            var end = start + 1;
            while (end < unit.Length && string.Equals(unit[end].CitizenRef, citizen, StringComparison.Ordinal))
            {
                end++;
            }

            if (citizen is not null)
            {
                spans.Add(new CitizenSpan { CitizenRef = citizen, FirstSequence = firstSequence + start, LastSequence = firstSequence + end - 1 });
            }

            start = end;
        }
    }
}
