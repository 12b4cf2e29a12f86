using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.AccessLog.Storage;
using Microsoft.Data.Sqlite;
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
            await writer.AppendAsync(Enumerable.Range(batch * 5 + 1, 5).Select(n => LogStore.Record(n, $"req-{batch}")).ToList(), CancellationToken.None);
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
        await RewriteFromAsync(6, "nothing to see");

        Assert.True((await VerifyAsync(checkpoints: null)).Ok);
        var verification = await VerifyAsync(Checkpoints);
        Assert.False(verification.Ok);
        Assert.Equal(ChainBreak.CheckpointMismatch, verification.Break);
        Assert.True(verification.FirstBrokenSequence >= 6);
    }

    [Fact]
    public async Task EntriesCutFromTheEnd_AreCaughtByTheLastCheckpoint()
    {
        await _store.ExecuteAsync("DELETE FROM \"AccessLogRequests\" WHERE \"Start\" > 15");

        Assert.True((await VerifyAsync(checkpoints: null)).Ok);
        Assert.Equal(new ChainVerification(false, 15, 16, ChainBreak.Truncated), await VerifyAsync(Checkpoints));
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

    /// <summary>What an administrator with write access to the database can do: change a request and re-hash it and every request after it.</summary>
    private async Task RewriteFromAsync(long start, string purpose)
    {
        await using var db = _store.Context();
        var requests = await StoredChain.ReadAsync(db).ToListAsync();
        var previous = requests.Single(r => r.Last == start - 1).Hash;
        await using var connection = new SqliteConnection(_store.ConnectionString);
        await connection.OpenAsync();
        foreach (var request in requests.Where(r => r.Start >= start))
        {
            var context = request.Start == start ? request.Context with { Purpose = purpose } : request.Context;
            var hash = RequestHasher.Compute(previous, request.Start, request.TimeUnixMs, context, request.Entries);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE \"AccessLogRequests\" SET \"Purpose\" = $purpose, \"PreviousHash\" = $previous, \"Hash\" = $hash WHERE \"Start\" = $start";
            update.Parameters.AddWithValue("$purpose", context.Purpose);
            update.Parameters.AddWithValue("$previous", previous);
            update.Parameters.AddWithValue("$hash", hash);
            update.Parameters.AddWithValue("$start", request.Start);
            await update.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        File.Delete(_file);
    }
}
