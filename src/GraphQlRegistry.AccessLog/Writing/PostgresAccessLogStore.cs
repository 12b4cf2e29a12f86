using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// PostgreSQL: one binary COPY per table per commit (Npgsql's binary importer), inside a transaction that holds an
/// exclusive lock on the entries table, so instances sharing the database append to one chain in turn.
/// </summary>
internal sealed class PostgresAccessLogStore(string connectionString) : RelationalAccessLogStore
{
    private static readonly string CopyEntries = Copy(AccessLogDbContext.TableName, EntryColumns);
    private static readonly string CopySpans = Copy(AccessLogDbContext.SpansTableName, SpanColumns);

    private readonly object?[] _entryValues = new object?[EntryColumns.Length];
    private readonly object?[] _spanValues = new object?[SpanColumns.Length];

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"LOCK TABLE \"{AccessLogDbContext.TableName}\" IN EXCLUSIVE MODE", cancellationToken);

    protected override async Task WriteAsync(DbConnection connection, DbTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await ImportAsync(npgsql, CopyEntries, batch.Entries, EntryValues, _entryValues, cancellationToken);
        await ImportAsync(npgsql, CopySpans, batch.Spans, SpanValues, _spanValues, cancellationToken);
    }

    protected override void OnReset()
    {
    }

    private static async Task ImportAsync<T>(
        NpgsqlConnection connection, string copy, IReadOnlyList<T> rows, Action<T, object?[]> fill, object?[] values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            fill(row, values);
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in values)
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(cancellationToken),
                    long number => importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
                    string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
                    var other => throw new InvalidOperationException($"No COPY type for {other.GetType().Name}."),
                });
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static string Copy(string table, IEnumerable<string> columns) =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
}
