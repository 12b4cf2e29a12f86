using System.Collections;
using System.Runtime.CompilerServices;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// A request's records as it makes them: append-only, in chunks that each stay below the large-object threshold.
/// A page of 500 citizens makes some 16,000 records; in one growing array they would be copied onto the large-object
/// heap again and again, and large-object allocations are what bring on full garbage collections under load. The
/// first chunk grows like a list, so a request of a few records costs what a list would.
/// </summary>
public sealed class AccessRecordList : IReadOnlyList<AccessRecord>
{
    private const int LargeObjectThreshold = 85_000;
    private const int ArrayHeaderAllowance = 64;
    private const int FirstCapacity = 32;

    // The largest power of two of records whose array stays below the threshold (1,024 for a 64-byte record).
    private static readonly int ChunkShift = (int)Math.Log2((LargeObjectThreshold - ArrayHeaderAllowance) / Unsafe.SizeOf<AccessRecord>());
    private static readonly int ChunkSize = 1 << ChunkShift;

    private readonly List<AccessRecord[]> _chunks = [];

    public int Count { get; private set; }

    public AccessRecord this[int index] =>
        (uint)index < (uint)Count ? _chunks[index >> ChunkShift][index & (ChunkSize - 1)] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(in AccessRecord record)
    {
        var offset = Count & (ChunkSize - 1);
        if (offset == 0)
        {
            _chunks.Add(new AccessRecord[Count == 0 ? FirstCapacity : ChunkSize]);
        }
        else if (offset == _chunks[^1].Length)
        {
            var grown = _chunks[^1];
            Array.Resize(ref grown, Math.Min(grown.Length * 2, ChunkSize));
            _chunks[^1] = grown;
        }

        _chunks[^1][offset] = record;
        Count++;
    }

    public IEnumerator<AccessRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
