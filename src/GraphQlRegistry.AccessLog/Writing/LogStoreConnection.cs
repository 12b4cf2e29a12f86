using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// The writer's own connection and prepared inserts. Each commit re-reads the chain head inside its transaction,
/// under a writer lock, so several server instances sharing one PostgreSQL log extend one chain, not forks of it.
/// </summary>
internal sealed class LogStoreConnection : IAsyncDisposable
{
    private static readonly string[] EntryColumns =
    [
        "Sequence", "TimeUnixMs", "RequestId", "OperationName", "Subject", "OrganizationId", "OrganizationType", "GrantId",
        "GrantAuthority", "Channel", "Purpose", "CitizenRef", "Field", "Path", "Decision", "Mask", "Reason", "PreviousHash", "Hash",
    ];

    private static readonly string[] SpanColumns = ["CitizenRef", "FirstSequence", "LastSequence"];

    private readonly AccessLogWriterOptions _options;
    private readonly object?[] _entryValues = new object?[EntryColumns.Length];
    private readonly object?[] _spanValues = new object?[SpanColumns.Length];
    private AccessLogDbContext? _context;
    private PreparedInsert? _insertEntry;
    private PreparedInsert? _insertSpan;

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

            var span = default(CitizenSpan);
            foreach (var record in records)
            {
                var entry = AccessLogEntry.Link(record, ++sequence, previousHash);
                await _insertEntry!.ExecuteAsync(EntryValues(entry), transaction, cancellationToken);
                previousHash = entry.Hash;

                if (span is not null && span.CitizenRef == entry.CitizenRef)
                {
                    span = new CitizenSpan { CitizenRef = span.CitizenRef, FirstSequence = span.FirstSequence, LastSequence = entry.Sequence };
                    continue;
                }

                await WriteSpanAsync(span, transaction, cancellationToken);
                span = entry.CitizenRef is { } citizen ? new CitizenSpan { CitizenRef = citizen, FirstSequence = entry.Sequence, LastSequence = entry.Sequence } : null;
            }

            await WriteSpanAsync(span, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await ResetAsync();
            throw;
        }
    }

    private async ValueTask WriteSpanAsync(CitizenSpan? span, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (span is null)
        {
            return;
        }

        _spanValues[0] = span.CitizenRef;
        _spanValues[1] = span.FirstSequence;
        _spanValues[2] = span.LastSequence;
        await _insertSpan!.ExecuteAsync(_spanValues, transaction, cancellationToken);
    }

    /// <summary>The column values in <see cref="EntryColumns"/> order; enums by name, as EF stores them.</summary>
    private object?[] EntryValues(AccessLogEntry entry)
    {
        var values = _entryValues;
        values[0] = entry.Sequence;
        values[1] = entry.TimeUnixMs;
        values[2] = entry.RequestId;
        values[3] = entry.OperationName;
        values[4] = entry.Subject;
        values[5] = entry.OrganizationId;
        values[6] = entry.OrganizationType?.ToString();
        values[7] = entry.GrantId;
        values[8] = entry.GrantAuthority?.ToString();
        values[9] = entry.Channel?.ToString();
        values[10] = entry.Purpose;
        values[11] = entry.CitizenRef;
        values[12] = entry.Field;
        values[13] = entry.Path;
        values[14] = entry.Decision.ToString();
        values[15] = entry.Mask.ToString();
        values[16] = entry.Reason;
        values[17] = entry.PreviousHash;
        values[18] = entry.Hash;
        return values;
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
            // WAL with FULL sync: a commit is on disk when it returns; readers never block the writer. The larger
            // page cache keeps the hot ends of the indexes in memory.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;", cancellationToken);
        }

        _insertEntry = PreparedInsert.For(connection, AccessLogDbContext.TableName, EntryColumns);
        _insertSpan = PreparedInsert.For(connection, AccessLogDbContext.SpansTableName, SpanColumns);
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

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ResetAsync()
    {
        _insertEntry?.Dispose();
        _insertSpan?.Dispose();
        (_insertEntry, _insertSpan) = (null, null);
        if (_context is not null)
        {
            await _context.DisposeAsync();
            _context = null;
        }
    }

    public ValueTask DisposeAsync() => new(ResetAsync());
}
