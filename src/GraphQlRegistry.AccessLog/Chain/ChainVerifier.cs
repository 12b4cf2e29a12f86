using GraphQlRegistry.AccessLog.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>
/// Recomputes the hash chain from the first request, streaming, and stops at the first break. Given the published
/// checkpoints, it also requires the chain to pass through each of them and to reach the last one. A request is the
/// unit the chain hashes, so a broken request is reported by its first entry.
/// </summary>
public static class ChainVerifier
{
    /// <summary>The stored chain, then the citizen index: an intact chain whose span is missing from the index would hide entries from a citizen.</summary>
    public static async Task<ChainVerification> VerifyAsync(
        AccessLogDbContext context, ChainCheckpoints? checkpoints = null, CancellationToken cancellationToken = default)
    {
        var chain = await VerifyAsync(StoredChain.ReadAsync(context, cancellationToken: cancellationToken), checkpoints?.Read() ?? [], cancellationToken);
        return chain.Ok && await FirstUnindexedSpanAsync(context, cancellationToken) is { } unindexed
            ? chain with { Ok = false, FirstBrokenSequence = unindexed, Break = ChainBreak.UnindexedSpan }
            : chain;
    }

    public static async Task<ChainVerification> VerifyAsync(
        IAsyncEnumerable<StoredRequest> requestsInOrder, IReadOnlyList<ChainCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        var anchors = checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.Select(c => c.Hash).ToHashSet(StringComparer.Ordinal));
        var anchored = anchors.Keys.Order().ToArray();
        var nextAnchor = 0;
        var previousHash = Convert.FromHexString(RequestHasher.Genesis);
        var expectedStart = 1L;
        var checkedCount = 0L;
        await foreach (var request in requestsInOrder.WithCancellation(cancellationToken))
        {
            var broken = Check(request, expectedStart, previousHash);
            while (broken is null && nextAnchor < anchored.Length && anchored[nextAnchor] <= request.Last)
            {
                // A head is only ever published at the end of a request, and must be this request's hash.
                var anchor = anchored[nextAnchor++];
                if (anchor < request.Start)
                {
                    continue;
                }

                broken = anchor == request.Last && anchors[anchor].Contains(Convert.ToHexStringLower(request.Hash))
                    ? null
                    : (request.Start, ChainBreak.CheckpointMismatch);
            }

            if (broken is var (sequence, reason))
            {
                return new ChainVerification(false, checkedCount, sequence, reason);
            }

            checkedCount += request.EntryCount;
            expectedStart = request.Last + 1;
            previousHash = request.Hash;
        }

        return anchored.Any(sequence => sequence >= expectedStart)
            ? new ChainVerification(false, checkedCount, expectedStart, ChainBreak.Truncated)
            : new ChainVerification(true, checkedCount, null, null);
    }

    // A set difference, sorted once on each side: the settled runs are keyed by run first, so a seek per span would
    // cost one per run.
    private static Task<long?> FirstUnindexedSpanAsync(AccessLogDbContext context, CancellationToken cancellationToken) =>
        context.CitizenSpans.AsNoTracking()
            .Select(s => new CitizenIndexRow { CitizenKey = s.CitizenRef.Substring(0, CitizenIndexRow.KeyLength), FirstSequence = s.FirstSequence })
            .Except(context.IndexedSpans)
            .OrderBy(s => s.FirstSequence)
            .Select(s => (long?)s.FirstSequence)
            .FirstOrDefaultAsync(cancellationToken);

    private static (long Sequence, ChainBreak Break)? Check(StoredRequest request, long expectedStart, byte[] previousHash)
    {
        if (request.Start != expectedStart)
        {
            return (request.Start, ChainBreak.SequenceGap);
        }

        // Fewer entries than the request counts: the first missing sequence; more: the first past its count.
        if (request.Entries.Length != request.EntryCount)
        {
            return (request.Start + Math.Min(request.Entries.Length, request.EntryCount), ChainBreak.SequenceGap);
        }

        if (!request.PreviousHash.AsSpan().SequenceEqual(previousHash))
        {
            return (request.Start, ChainBreak.PreviousHashMismatch);
        }

        var recomputed = RequestHasher.Compute(previousHash, request.Start, request.TimeUnixMs, request.Context, request.Entries);
        return recomputed.AsSpan().SequenceEqual(request.Hash) ? null : (request.Start, ChainBreak.ContentHashMismatch);
    }
}
