using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using Microsoft.Data.Sqlite;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// The embedded store: WAL with FULL sync (a commit is on disk when it returns; readers never block the writer), and
/// rows bound by index through SQLite's own API on statements prepared once per connection.
/// </summary>
internal sealed class SqliteAccessLogStore(string connectionString, int citizenIndexBatch) : RelationalAccessLogStore(citizenIndexBatch)
{
    private Statements? _statements;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // A small page cache: the log's b-trees grow at their ends, which 2 MB holds, and SQLite walks the writer's cache
        // at every commit. At 64 MB that walk cost the KYC lookup a fifth of its CPU; bulk writes are as fast either way.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-2048;", cancellationToken);
        _statements = new Statements(connection);
        return connection;
    }

    // SQLite's default transaction is BEGIN IMMEDIATE: the file's write lock is already ours.
    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task<int> StoreTextAsync(DbConnection connection, DbTransaction transaction, string text, CancellationToken cancellationToken)
    {
        var statements = _statements!;
        var id = statements.FindText.Bind(1, text).ExecuteScalar() ?? statements.AddText.Bind(1, text).ExecuteScalar()!.Value;
        return Task.FromResult((int)id);
    }

    protected override Task WriteAsync(DbConnection connection, DbTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken)
    {
        var statements = _statements!;
        foreach (var request in batch.Requests)
        {
            WriteRequest(statements.InsertRequest, request, PackFields(batch, request));
        }

        foreach (var span in batch.Spans)
        {
            statements.InsertSpan.Bind(1, span.FirstSequence).Bind(2, span.CitizenRef).Bind(3, span.LastSequence).Execute();
            statements.IndexSpan.Bind(1, CitizenIndexRow.KeyOf(span.CitizenRef)).Bind(2, span.FirstSequence).Execute();
        }

        foreach (var (key, count) in RollupOf(batch))
        {
            statements.UpsertRollup.Bind(1, key.Hour).Bind(2, key.OrganizationId).Bind(3, key.OrganizationType).Bind(4, key.FieldId)
                .Bind(5, key.Decision).Bind(6, key.ReasonId).Bind(7, count).Execute();
        }

        return Task.CompletedTask;
    }

    private static void WriteRequest(SqliteStatement insert, LinkedRequest request, ReadOnlySpan<byte> fields)
    {
        var context = request.Context;
        insert.Bind(1, request.Start).Bind(2, request.Count).Bind(3, request.TimeUnixMs).Bind(4, context.RequestId).Bind(5, context.OperationName)
            .Bind(6, context.Subject).Bind(7, context.OrganizationId).Bind(8, context.OrganizationType is { } type ? WireNames.Of(type) : null)
            .Bind(9, context.GrantId).Bind(10, context.GrantAuthority is { } authority ? WireNames.Of(authority) : null)
            .Bind(11, context.Channel is { } channel ? WireNames.Of(channel) : null).Bind(12, context.Purpose)
            .Bind(13, request.PreviousHash).Bind(14, request.Hash).Bind(15, fields)
            .Execute();
    }

    protected override void OnReset()
    {
        _statements?.Dispose();
        _statements = null;
    }

    private sealed class Statements(SqliteConnection connection) : IDisposable
    {
        public SqliteStatement InsertRequest { get; } = new(connection, SqliteStatement.Insert(AccessLogDbContext.RequestsTableName, RequestColumns));

        public SqliteStatement InsertSpan { get; } = new(connection, SqliteStatement.Insert(AccessLogDbContext.SpansTableName, SpanColumns));

        public SqliteStatement IndexSpan { get; } = new(connection, SqliteStatement.Insert(AccessLogDbContext.RecentCitizenIndexTableName, CitizenIndexColumns));

        public SqliteStatement UpsertRollup { get; } = new(connection, RelationalAccessLogStore.UpsertRollup);

        public SqliteStatement FindText { get; } = new(connection, RelationalAccessLogStore.FindText);

        public SqliteStatement AddText { get; } = new(connection, RelationalAccessLogStore.AddText);

        public void Dispose()
        {
            InsertRequest.Dispose();
            InsertSpan.Dispose();
            IndexSpan.Dispose();
            UpsertRollup.Dispose();
            FindText.Dispose();
            AddText.Dispose();
        }
    }
}
