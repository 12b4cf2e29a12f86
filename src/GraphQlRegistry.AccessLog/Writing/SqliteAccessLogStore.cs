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
    private const int RowsPerInsert = 32;

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
        var row = 0;
        foreach (var request in batch.Requests)
        {
            WriteRequest(statements.InsertRequest, request);
            for (var ordinal = 0; ordinal < request.Count; ordinal++)
            {
                // Entries go RowsPerInsert to a statement: one step for many rows, the largest share of the work.
                BindField(statements.InsertFields, row++, request, ordinal, batch.Records[request.Offset + ordinal], EntryTexts[request.Offset + ordinal]);
                if (row == RowsPerInsert)
                {
                    statements.InsertFields.Execute();
                    row = 0;
                }
            }
        }

        // The last few entries, one statement each.
        var (lastRequest, remaining) = (batch.Requests.Count - 1, row);
        for (var r = lastRequest; remaining > 0 && r >= 0; r--)
        {
            var request = batch.Requests[r];
            for (var ordinal = request.Count - 1; remaining > 0 && ordinal >= 0; ordinal--, remaining--)
            {
                BindField(statements.InsertField, 0, request, ordinal, batch.Records[request.Offset + ordinal], EntryTexts[request.Offset + ordinal]);
                statements.InsertField.Execute();
            }
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

    private static void BindField(SqliteStatement insert, int row, LinkedRequest request, int ordinal, in AccessRecord record, TextIds texts)
    {
        var first = row * FieldColumns.Length;
        insert
            .Bind(first + 1, request.Start)
            .Bind(first + 2, ordinal)
            .Bind(first + 3, record.Time.ToUnixTimeMilliseconds() - request.TimeUnixMs)
            .BindOptional(first + 4, Optional(texts.First))
            .BindOptional(first + 5, Optional(texts.Second))
            .Bind(first + 6, WireCodes.Of(record.Decision))
            .Bind(first + 7, WireCodes.Of(record.Mask))
            .BindOptional(first + 8, Optional(texts.Third));
    }

    private static void WriteRequest(SqliteStatement insert, LinkedRequest request)
    {
        var context = request.Context;
        insert.Bind(1, request.Start).Bind(2, request.Count).Bind(3, request.TimeUnixMs).Bind(4, context.RequestId).Bind(5, context.OperationName)
            .Bind(6, context.Subject).Bind(7, context.OrganizationId).Bind(8, context.OrganizationType is { } type ? WireNames.Of(type) : null)
            .Bind(9, context.GrantId).Bind(10, context.GrantAuthority is { } authority ? WireNames.Of(authority) : null)
            .Bind(11, context.Channel is { } channel ? WireNames.Of(channel) : null).Bind(12, context.Purpose)
            .Bind(13, request.PreviousHash).Bind(14, request.Hash)
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

        public SqliteStatement InsertField { get; } = new(connection, SqliteStatement.Insert(AccessLogDbContext.TableName, FieldColumns));

        public SqliteStatement InsertFields { get; } = new(connection, SqliteStatement.Insert(AccessLogDbContext.TableName, FieldColumns, RowsPerInsert));

        public SqliteStatement InsertSpan { get; } = new(connection, SqliteStatement.Insert(AccessLogDbContext.SpansTableName, SpanColumns));

        public SqliteStatement IndexSpan { get; } = new(connection, SqliteStatement.Insert(AccessLogDbContext.RecentCitizenIndexTableName, CitizenIndexColumns));

        public SqliteStatement UpsertRollup { get; } = new(connection, RelationalAccessLogStore.UpsertRollup);

        public SqliteStatement FindText { get; } = new(connection, RelationalAccessLogStore.FindText);

        public SqliteStatement AddText { get; } = new(connection, RelationalAccessLogStore.AddText);

        public void Dispose()
        {
            InsertRequest.Dispose();
            InsertField.Dispose();
            InsertFields.Dispose();
            InsertSpan.Dispose();
            IndexSpan.Dispose();
            UpsertRollup.Dispose();
            FindText.Dispose();
            AddText.Dispose();
        }
    }
}
