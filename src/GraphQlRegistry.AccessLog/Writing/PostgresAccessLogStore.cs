using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// PostgreSQL: one binary COPY per table per commit (Npgsql's binary importer) for requests (with their entries
/// packed), spans and the citizen index's recent level, one
/// batch of upserts for the rollup, inside a transaction that holds an exclusive lock on the requests table, so
/// instances sharing the database append to one chain in turn (and add texts one at a time).
/// </summary>
internal sealed class PostgresAccessLogStore(string connectionString, int citizenIndexBatch) : RelationalAccessLogStore(citizenIndexBatch)
{
    private static readonly string CopyRequests = Copy(AccessLogDbContext.RequestsTableName, RequestColumns);
    private static readonly string CopySpans = Copy(AccessLogDbContext.SpansTableName, SpanColumns);
    private static readonly string CopyCitizenIndex = Copy(AccessLogDbContext.RecentCitizenIndexTableName, CitizenIndexColumns);

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, AccessLogStores.PostgresWriterLock, cancellationToken);

    protected override async Task<int> StoreTextAsync(DbConnection connection, DbTransaction transaction, string text, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await using var find = new NpgsqlCommand(FindText, npgsql, (NpgsqlTransaction)transaction) { Parameters = { new() { Value = text } } };
        if (await find.ExecuteScalarAsync(cancellationToken) is int existing)
        {
            return existing;
        }

        await using var add = new NpgsqlCommand(AddText, npgsql, (NpgsqlTransaction)transaction) { Parameters = { new() { Value = text } } };
        return (int)(await add.ExecuteScalarAsync(cancellationToken))!;
    }

    protected override async Task WriteAsync(DbConnection connection, DbTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        await CopyRequestsAsync(npgsql, batch, cancellationToken);
        await CopySpansAsync(npgsql, batch, cancellationToken);
        await CopyCitizenIndexAsync(npgsql, batch, cancellationToken);
        await UpsertRollupAsync(npgsql, (NpgsqlTransaction)transaction, batch, cancellationToken);
    }

    private Task CopyRequestsAsync(NpgsqlConnection connection, LinkedBatch batch, CancellationToken cancellationToken) =>
        CopyAsync(connection, CopyRequests, batch.Requests, async (importer, request, token) =>
        {
            var context = request.Context;
            await importer.WriteAsync(request.Start, NpgsqlDbType.Bigint, token);
            await importer.WriteAsync(request.Count, NpgsqlDbType.Integer, token);
            await importer.WriteAsync(request.TimeUnixMs, NpgsqlDbType.Bigint, token);
            await WriteTextAsync(importer, context.RequestId, token);
            await WriteTextAsync(importer, context.OperationName, token);
            await WriteTextAsync(importer, context.Subject, token);
            await WriteTextAsync(importer, context.OrganizationId, token);
            await WriteTextAsync(importer, context.OrganizationType is { } type ? WireNames.Of(type) : null, token);
            await WriteTextAsync(importer, context.GrantId, token);
            await WriteTextAsync(importer, context.GrantAuthority is { } authority ? WireNames.Of(authority) : null, token);
            await WriteTextAsync(importer, context.Channel is { } channel ? WireNames.Of(channel) : null, token);
            await WriteTextAsync(importer, context.Purpose, token);
            await importer.WriteAsync(request.PreviousHash, NpgsqlDbType.Bytea, token);
            await importer.WriteAsync(request.Hash, NpgsqlDbType.Bytea, token);
            await importer.WriteAsync(PackFields(batch, request), NpgsqlDbType.Bytea, token);
        }, cancellationToken);

    private static Task CopySpansAsync(NpgsqlConnection connection, LinkedBatch batch, CancellationToken cancellationToken) =>
        CopyAsync(connection, CopySpans, batch.Spans, async (importer, span, token) =>
        {
            await importer.WriteAsync(span.FirstSequence, NpgsqlDbType.Bigint, token);
            await importer.WriteAsync(span.CitizenRef, NpgsqlDbType.Text, token);
            await importer.WriteAsync(span.LastSequence, NpgsqlDbType.Bigint, token);
        }, cancellationToken);

    private static Task CopyCitizenIndexAsync(NpgsqlConnection connection, LinkedBatch batch, CancellationToken cancellationToken) =>
        CopyAsync(connection, CopyCitizenIndex, batch.Spans, async (importer, span, token) =>
        {
            await importer.WriteAsync(CitizenIndexRow.KeyOf(span.CitizenRef), NpgsqlDbType.Text, token);
            await importer.WriteAsync(span.FirstSequence, NpgsqlDbType.Bigint, token);
        }, cancellationToken);

    /// <summary>One binary COPY of <paramref name="rows"/>, none for no rows; the importer is disposed before the next COPY may begin.</summary>
    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string copy, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await writeRow(importer, row, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task UpsertRollupAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken)
    {
        var rollup = RollupOf(batch);
        if (rollup.Count == 0)
        {
            return;
        }

        await using var upserts = new NpgsqlBatch(connection, transaction);
        foreach (var (key, count) in rollup)
        {
            upserts.BatchCommands.Add(new NpgsqlBatchCommand(UpsertRollup)
            {
                Parameters =
                {
                    new() { Value = key.Hour }, new() { Value = key.OrganizationId }, new() { Value = key.OrganizationType }, new() { Value = key.FieldId },
                    new() { Value = (short)key.Decision }, new() { Value = key.ReasonId }, new() { Value = count },
                },
            });
        }

        await upserts.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? text, CancellationToken cancellationToken) =>
        text is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);

    protected override void OnReset()
    {
    }

    private static string Copy(string table, IEnumerable<string> columns) =>
        $"COPY \"{table}\" ({Quoted(columns)}) FROM STDIN (FORMAT BINARY)";
}
