using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Storage;
using Microsoft.Data.Sqlite;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// The embedded store: WAL with FULL sync (a commit is on disk when it returns; readers never block the writer), and
/// rows bound by index through SQLite's own API on statements prepared once per connection.
/// </summary>
internal sealed class SqliteAccessLogStore(string connectionString) : RelationalAccessLogStore
{
    private readonly object?[] _entryValues = new object?[EntryColumns.Length];
    private readonly object?[] _spanValues = new object?[SpanColumns.Length];
    private SqliteInsert? _insertEntry;
    private SqliteInsert? _insertSpan;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // The larger page cache keeps the hot ends of the indexes in memory.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;", cancellationToken);
        _insertEntry = new SqliteInsert(connection, AccessLogDbContext.TableName, EntryColumns);
        _insertSpan = new SqliteInsert(connection, AccessLogDbContext.SpansTableName, SpanColumns);
        return connection;
    }

    // SQLite's default transaction is BEGIN IMMEDIATE: the file's write lock is already ours.
    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task WriteAsync(DbConnection connection, DbTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken)
    {
        foreach (var entry in batch.Entries)
        {
            EntryValues(entry, _entryValues);
            _insertEntry!.Execute(_entryValues);
        }

        foreach (var span in batch.Spans)
        {
            SpanValues(span, _spanValues);
            _insertSpan!.Execute(_spanValues);
        }

        return Task.CompletedTask;
    }

    protected override void OnReset()
    {
        _insertEntry?.Dispose();
        _insertSpan?.Dispose();
        (_insertEntry, _insertSpan) = (null, null);
    }
}
