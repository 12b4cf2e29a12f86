using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// The writer's own connection and prepared INSERT. Each commit re-reads the chain head inside its transaction,
/// under a writer lock, so several server instances sharing one PostgreSQL log extend one chain, not forks of it.
/// </summary>
internal sealed class LogStoreConnection : IAsyncDisposable
{
    private const string Columns =
        "\"Sequence\", \"TimeUnixMs\", \"RequestId\", \"OperationName\", \"Subject\", \"OrganizationId\", \"OrganizationType\", " +
        "\"GrantId\", \"GrantAuthority\", \"Channel\", \"Purpose\", \"CitizenRef\", \"Field\", \"Path\", \"Decision\", \"Mask\", " +
        "\"Reason\", \"PreviousHash\", \"Hash\"";

    private const int ColumnCount = 19;

    private readonly AccessLogWriterOptions _options;
    private AccessLogDbContext? _context;
    private DbCommand? _insert;

    public LogStoreConnection(AccessLogWriterOptions options) => _options = options;

    /// <summary>Appends the records as one transaction; on any failure nothing of them is stored and the connection is reopened next time.</summary>
    public async Task CommitAsync(IEnumerable<AccessRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockForWritingAsync(connection, transaction, cancellationToken);
            var (sequence, previousHash) = await ReadHeadAsync(connection, transaction, cancellationToken);

            _insert!.Transaction = transaction;
            foreach (var record in records)
            {
                var entry = AccessLogEntry.Link(record, ++sequence, previousHash);
                Bind(_insert, entry);
                await _insert.ExecuteNonQueryAsync(cancellationToken);
                previousHash = entry.Hash;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await ResetAsync();
            throw;
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_context is not null)
        {
            return _context.Database.GetDbConnection();
        }

        var builder = new DbContextOptionsBuilder<AccessLogDbContext>();
        builder.UseRegistryProvider(_options.Provider, _options.ConnectionString);
        _context = new AccessLogDbContext(builder.Options);
        var connection = _context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL with FULL sync: a commit is on disk when it returns; readers never block the writer.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", cancellationToken);
        }

        _insert = connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO \"{AccessLogDbContext.TableName}\" ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, ColumnCount).Select(i => "@p" + i))})";
        for (var i = 0; i < ColumnCount; i++)
        {
            var parameter = _insert.CreateParameter();
            parameter.ParameterName = "@p" + i;
            _insert.Parameters.Add(parameter);
        }

        return connection;
    }

    private Task LockForWritingAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        _options.Provider switch
        {
            // SQLite's default transaction is BEGIN IMMEDIATE: the file's write lock is already ours.
            DatabaseProvider.Sqlite => Task.CompletedTask,
            DatabaseProvider.Postgres => ExecuteAsync(connection, transaction, $"LOCK TABLE \"{AccessLogDbContext.TableName}\" IN EXCLUSIVE MODE", cancellationToken),
        };

    private static async Task<(long Sequence, string Hash)> ReadHeadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Sequence\", \"Hash\" FROM \"{AccessLogDbContext.TableName}\" ORDER BY \"Sequence\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, EntryHasher.Genesis);
    }

    private static void Bind(DbCommand command, AccessLogEntry entry)
    {
        object?[] values =
        [
            entry.Sequence, entry.TimeUnixMs, entry.RequestId, entry.OperationName, entry.Subject, entry.OrganizationId,
            entry.OrganizationType?.ToString(), entry.GrantId, entry.GrantAuthority?.ToString(), entry.Channel?.ToString(),
            entry.Purpose, entry.CitizenRef, entry.Field, entry.Path, entry.Decision.ToString(), entry.Mask.ToString(),
            entry.Reason, entry.PreviousHash, entry.Hash,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ResetAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
            _insert = null;
        }

        if (_context is not null)
        {
            await _context.DisposeAsync();
            _context = null;
        }
    }

    public ValueTask DisposeAsync() => new(ResetAsync());
}
