using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>
/// Recomputes the hash chain from the first entry, streaming, and stops at the first break. Given the published
/// checkpoints, it also requires the chain to pass through each of them and to reach the last one.
/// </summary>
public static class ChainVerifier
{
    public static async Task<ChainVerification> VerifyAsync(
        AccessLogDbContext context, ChainCheckpoints? checkpoints = null, CancellationToken cancellationToken = default)
    {
        var entries = context.Entries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        return await VerifyAsync(entries, checkpoints?.Read() ?? [], cancellationToken);
    }

    public static async Task<ChainVerification> VerifyAsync(
        IAsyncEnumerable<AccessLogEntry> entriesInOrder, IReadOnlyList<ChainCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        var anchors = checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.Select(c => c.Hash).ToHashSet(StringComparer.Ordinal));
        var previousHash = EntryHasher.Genesis;
        var expectedSequence = 1L;
        var checkedCount = 0L;
        await foreach (var entry in entriesInOrder.WithCancellation(cancellationToken))
        {
            var broken = Check(entry, expectedSequence, previousHash)
                ?? (anchors.TryGetValue(entry.Sequence, out var published) && !published.Contains(entry.Hash) ? ChainBreak.CheckpointMismatch : null);
            if (broken is { } reason)
            {
                return new ChainVerification(false, checkedCount, entry.Sequence, reason);
            }

            checkedCount++;
            expectedSequence = entry.Sequence + 1;
            previousHash = entry.Hash;
        }

        return anchors.Keys.Any(sequence => sequence >= expectedSequence)
            ? new ChainVerification(false, checkedCount, expectedSequence, ChainBreak.Truncated)
            : new ChainVerification(true, checkedCount, null, null);
    }

    private static ChainBreak? Check(AccessLogEntry entry, long expectedSequence, string previousHash)
    {
        if (entry.Sequence != expectedSequence)
        {
            return ChainBreak.SequenceGap;
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return ChainBreak.PreviousHashMismatch;
        }

        return string.Equals(EntryHasher.Compute(entry), entry.Hash, StringComparison.Ordinal) ? null : ChainBreak.ContentHashMismatch;
    }
}
