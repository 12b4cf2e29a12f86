using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// What the SQL stores share: the writer's own connection, opened on first use and dropped after any failure, and an
/// append that locks, reads the chain head inside its transaction (so several server instances sharing one database
/// extend one chain, not forks of it), writes the batch the store's own way, and commits.
/// </summary>
internal abstract class RelationalAccessLogStore : IAccessLogStore
{
    /// <summary>The entry columns in the order <see cref="EntryValues"/> fills them.</summary>
    protected static readonly string[] EntryColumns =
    [
        "Sequence", "TimeUnixMs", "RequestId", "OperationName", "Subject", "OrganizationId", "OrganizationType", "GrantId",
        "GrantAuthority", "Channel", "Purpose", "CitizenRef", "Field", "Path", "Decision", "Mask", "Reason", "PreviousHash", "Hash",
    ];

    protected static readonly string[] SpanColumns = ["CitizenRef", "FirstSequence", "LastSequence"];

    private DbConnection? _connection;

    public async Task<IAccessLogAppend> BeginAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await OpenAsync(cancellationToken);
            var transaction = await _connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(_connection, transaction, cancellationToken);
            return new Append(this, _connection, transaction, await ReadHeadAsync(_connection, transaction, cancellationToken));
        }
        catch
        {
            await ResetAsync();
            throw;
        }
    }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected abstract Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected abstract Task WriteAsync(DbConnection connection, DbTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken);

    /// <summary>Forgets what was prepared on the dropped connection.</summary>
    protected abstract void OnReset();

    /// <summary>An entry's column values in <see cref="EntryColumns"/> order: enums by their stored wire names.</summary>
    protected static void EntryValues(AccessLogEntry entry, object?[] values)
    {
        values[0] = entry.Sequence;
        values[1] = entry.TimeUnixMs;
        values[2] = entry.RequestId;
        values[3] = entry.OperationName;
        values[4] = entry.Subject;
        values[5] = entry.OrganizationId;
        values[6] = entry.OrganizationType is { } type ? WireNames.Of(type) : null;
        values[7] = entry.GrantId;
        values[8] = entry.GrantAuthority is { } authority ? WireNames.Of(authority) : null;
        values[9] = entry.Channel is { } channel ? WireNames.Of(channel) : null;
        values[10] = entry.Purpose;
        values[11] = entry.CitizenRef;
        values[12] = entry.Field;
        values[13] = entry.Path;
        values[14] = WireNames.Of(entry.Decision);
        values[15] = WireNames.Of(entry.Mask);
        values[16] = entry.Reason;
        values[17] = entry.PreviousHash;
        values[18] = entry.Hash;
    }

    protected static void SpanValues(CitizenSpan span, object?[] values)
    {
        values[0] = span.CitizenRef;
        values[1] = span.FirstSequence;
        values[2] = span.LastSequence;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ChainHead> ReadHeadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Sequence\", \"Hash\" FROM \"{AccessLogDbContext.TableName}\" ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChainHead(reader.GetInt64(0), reader.GetString(1)) : ChainHead.Genesis;
    }

    private async Task ResetAsync()
    {
        OnReset();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public ValueTask DisposeAsync() => new(ResetAsync());

    private sealed class Append(RelationalAccessLogStore store, DbConnection connection, DbTransaction transaction, ChainHead head) : IAccessLogAppend
    {
        private bool _committed;

        public ChainHead Head { get; } = head;

        public Task WriteAsync(LinkedBatch batch, CancellationToken cancellationToken) => store.WriteAsync(connection, transaction, batch, cancellationToken);

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await transaction.CommitAsync(cancellationToken);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            if (!_committed)
            {
                // Whatever failed may have left the connection unusable: start the next append on a fresh one.
                await store.ResetAsync();
            }
        }
    }
}
