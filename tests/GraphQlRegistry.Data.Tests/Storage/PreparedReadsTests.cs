using GraphQlRegistry.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQlRegistry.Data.Tests.Storage;

/// <summary>
/// Connections kept open with their statements must read like fresh ones: each read sees every commit made before it,
/// and a read that fails leaves nothing behind that a later read could trip on.
/// </summary>
public sealed class PreparedReadsTests : IDisposable
{
    private const string ReadValue = "SELECT \"Value\" FROM \"Settings\" WHERE \"Key\" = @p0";

    private readonly string _directory = Directory.CreateTempSubdirectory("prepared-reads-").FullName;
    private readonly string _connectionString;
    private readonly PreparedReads _reads;

    public PreparedReadsTests()
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "registry.db"), Pooling = false }.ToString();
        Execute("PRAGMA journal_mode = WAL; CREATE TABLE \"Settings\" (\"Key\" TEXT PRIMARY KEY, \"Value\" INTEGER NOT NULL); INSERT INTO \"Settings\" VALUES ('revision', 1);");
        _reads = new PreparedReads(DatabaseProvider.Sqlite, _connectionString, NullLogger<PreparedReads>.Instance);
    }

    [Fact]
    public async Task EveryRead_SeesTheCommitsMadeBeforeIt()
    {
        Assert.Equal(1, await ReadAsync("revision"));

        Execute("UPDATE \"Settings\" SET \"Value\" = 2 WHERE \"Key\" = 'revision'");

        Assert.Equal(2, await ReadAsync("revision"));
    }

    [Fact]
    public async Task ReadsHeldAtOnce_EachGetTheirOwnConnection()
    {
        var (outer, inner) = await _reads.ReadAsync(
            async outer => (outer, await _reads.ReadAsync(Task.FromResult, CancellationToken.None)), CancellationToken.None);

        Assert.NotSame(outer, inner);
    }

    [Fact]
    public async Task AfterARead_NoSnapshotIsHeld()
    {
        // A read transaction left open would pin its snapshot (a revocation committed later would go unseen) and keep
        // a checkpoint from truncating the WAL; so a full checkpoint after reads must find no reader in its way.
        await ReadAsync("revision");
        await ReadAsync("no-such-key");
        Execute("UPDATE \"Settings\" SET \"Value\" = 3 WHERE \"Key\" = 'revision'");

        Assert.Equal(0L, Query("PRAGMA wal_checkpoint(TRUNCATE)"));
        Assert.Equal(3, await ReadAsync("revision"));
    }

    [Fact]
    public async Task NoRow_ReadsAsDefault() => Assert.Null(await ReadAsync("no-such-key"));

    [Fact]
    public async Task AFailedRead_ClosesItsConnection_AndTheNextReadWorks()
    {
        await Assert.ThrowsAsync<SqliteException>(() =>
            _reads.ReadAsync(connection => connection.ReadFirstAsync("SELECT \"Missing\" FROM \"Settings\" WHERE \"Key\" = @p0", ["revision"], row => row.GetInt64(0), CancellationToken.None), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _reads.ReadAsync<long>(connection => throw new InvalidOperationException("the caller's own failure"), CancellationToken.None));

        Assert.Equal(1, await ReadAsync("revision"));
    }

    [Fact]
    public async Task ManyDistinctStatements_AllReadCorrectly()
    {
        // More texts than a connection keeps prepared: those beyond run unprepared, with the same answers.
        for (var i = 0; i < 100; i++)
        {
            var value = await _reads.ReadAsync(
                connection => connection.ReadFirstAsync($"SELECT \"Value\" + {i} FROM \"Settings\" WHERE \"Key\" = @p0", ["revision"], row => row.GetInt64(0), CancellationToken.None),
                CancellationToken.None);
            Assert.Equal(1 + i, value);
        }
    }

    public void Dispose()
    {
        _reads.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<long?> ReadAsync(string key) => _reads.ReadAsync(
        connection => connection.ReadFirstAsync(ReadValue, [key], row => (long?)row.GetInt64(0), CancellationToken.None), CancellationToken.None);

    private void Execute(string sql) => Query(sql);

    /// <summary>Runs <paramref name="sql"/> on a connection of its own; the first column of its first row.</summary>
    private object? Query(string sql)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
