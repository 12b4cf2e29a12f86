using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>Recomputes the hash chain from the first entry, streaming, and stops at the first break.</summary>
public static class ChainVerifier
{
    public static async Task<ChainVerification> VerifyAsync(AccessLogDbContext context, CancellationToken cancellationToken = default)
    {
        var entries = context.Entries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        return await VerifyAsync(entries, cancellationToken);
    }

    public static async Task<ChainVerification> VerifyAsync(IAsyncEnumerable<AccessLogEntry> entriesInOrder, CancellationToken cancellationToken = default)
    {
        var previousHash = EntryHasher.Genesis;
        var expectedSequence = 1L;
        var checkedCount = 0L;
        await foreach (var entry in entriesInOrder.WithCancellation(cancellationToken))
        {
            var broken = Check(entry, expectedSequence, previousHash);
            if (broken is { } reason)
            {
                return new ChainVerification(false, checkedCount, entry.Sequence, reason);
            }

            checkedCount++;
            expectedSequence = entry.Sequence + 1;
            previousHash = entry.Hash;
        }

        return new ChainVerification(true, checkedCount, null, null);
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
