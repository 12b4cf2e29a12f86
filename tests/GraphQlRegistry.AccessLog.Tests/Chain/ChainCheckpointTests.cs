using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQlRegistry.AccessLog.Tests.Chain;

/// <summary>
/// A plain chain cannot reveal a whole log rewritten with recomputed hashes; the heads published outside the database
/// can. These tests rewrite the log as a database administrator could, and the checkpoints catch it.
/// </summary>
public sealed class ChainCheckpointTests : IAsyncLifetime
{
    private const string Secret = "checkpoint-test-secret-that-is-long-enough-0123";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"checkpoints-{Guid.NewGuid():N}");
    private LogStore _store = null!;

    private ChainCheckpoints Checkpoints => new(_file, Secret);

    public async Task InitializeAsync()
    {
        _store = await LogStore.CreateAsync();
        var options = new AccessLogWriterOptions(DatabaseProvider.Sqlite, _store.ConnectionString, TimeSpan.FromSeconds(10), Checkpoints: Checkpoints);
        await using var writer = new GroupCommitAccessLog(options, NullLogger<GroupCommitAccessLog>.Instance);
        for (var batch = 0; batch < 4; batch++)
        {
            await writer.AppendAsync(Enumerable.Range(batch * 5 + 1, 5).Select(n => LogStore.Record(n)).ToList(), CancellationToken.None);
        }
    }

    [Fact]
    public async Task UntouchedLog_PassesThroughEveryCheckpoint()
    {
        Assert.Equal(20, Checkpoints.Read()[^1].Sequence);
        Assert.Equal(new ChainVerification(true, 20, null, null), await VerifyAsync(Checkpoints));
    }

    [Fact]
    public async Task WholeLogRewrittenWithRecomputedHashes_IsCaughtByTheCheckpoints()
    {
        await RewriteFromAsync(7, record => record with { Context = record.Context with { Purpose = "nothing to see" } });

        Assert.True((await VerifyAsync(checkpoints: null)).Ok);
        var verification = await VerifyAsync(Checkpoints);
        Assert.False(verification.Ok);
        Assert.Equal(ChainBreak.CheckpointMismatch, verification.Break);
        Assert.True(verification.FirstBrokenSequence >= 7);
    }

    [Fact]
    public async Task EntriesCutFromTheEnd_AreCaughtByTheLastCheckpoint()
    {
        await _store.ExecuteAsync("DELETE FROM \"AccessLogEntries\" WHERE \"Sequence\" > 17");

        Assert.True((await VerifyAsync(checkpoints: null)).Ok);
        Assert.Equal(new ChainVerification(false, 17, 18, ChainBreak.Truncated), await VerifyAsync(Checkpoints));
    }

    [Fact]
    public async Task CheckpointLineForgedWithoutTheKey_IsNotBelieved()
    {
        await File.AppendAllTextAsync(_file, $"25 {new string('a', 64)} 0 {new string('b', 64)}\n");

        Assert.Equal(new ChainVerification(true, 20, null, null), await VerifyAsync(Checkpoints));
    }

    private async Task<ChainVerification> VerifyAsync(ChainCheckpoints? checkpoints)
    {
        await using var db = _store.Context();
        return await ChainVerifier.VerifyAsync(db, checkpoints);
    }

    /// <summary>What an administrator with write access to the database can do: change an entry and re-link every entry after it.</summary>
    private async Task RewriteFromAsync(long sequence, Func<AccessRecord, AccessRecord> edit)
    {
        await using var db = _store.Context();
        var entries = await db.Entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries.Single(e => e.Sequence == sequence - 1).Hash;
        foreach (var entry in entries.Where(e => e.Sequence >= sequence))
        {
            var record = new AccessRecord(
                new AccessContext(entry.RequestId, entry.OperationName, entry.Subject, entry.OrganizationId, entry.OrganizationType, entry.GrantId, entry.GrantAuthority, entry.Channel, entry.Purpose),
                entry.Time, entry.CitizenRef, entry.Field, entry.Path, entry.Decision, entry.Mask, entry.Reason);
            var relinked = AccessLogEntry.Link(entry.Sequence == sequence ? edit(record) : record, entry.Sequence, previous);
            await _store.ExecuteAsync($"UPDATE \"AccessLogEntries\" SET \"Purpose\" = '{relinked.Purpose}', \"PreviousHash\" = '{relinked.PreviousHash}', \"Hash\" = '{relinked.Hash}' WHERE \"Sequence\" = {entry.Sequence}");
            previous = relinked.Hash;
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        File.Delete(_file);
    }
}
