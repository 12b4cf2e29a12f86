using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphQlRegistry.Data.Storage;

/// <summary>
/// Connections to the registry kept open, each with the statements it has prepared, for the reads every request
/// makes (the ledger's revision, a citizen by id). Through EF Core each such read opens a connection and compiles its
/// SQL again (Microsoft.Data.Sqlite keeps no statement across commands); here it binds and steps a statement compiled
/// once per connection. Every statement still runs in its own read transaction, so it sees the latest commit.
/// </summary>
public sealed partial class PreparedReads(DatabaseProvider provider, string connectionString, ILogger<PreparedReads> logger) : IDisposable
{
    // Reads take microseconds and a request makes them one after another, so a few idle connections serve many requests.
    private static readonly int MaxIdle = Environment.ProcessorCount * 4;

    private readonly ConcurrentBag<PreparedReadConnection> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    /// <summary>
    /// Runs <paramref name="read"/> on an open connection. The connection goes back to the idle set when the read
    /// succeeds; a read that throws may leave it in any state, so it is closed instead.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<PreparedReadConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await RentAsync(cancellationToken);
        T result;
        try
        {
            result = await read(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        Return(connection);
        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private async ValueTask<PreparedReadConnection> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }

        DbConnection connection = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new PreparedReadConnection(connection, this);
    }

    private void Return(PreparedReadConnection connection)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    internal void Executing(string sql) => LogExecuting(logger, sql);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Executing prepared read: {Sql}")]
    private static partial void LogExecuting(ILogger logger, string sql);
}

/// <summary>One open connection of <see cref="PreparedReads"/> and the statements prepared on it, by SQL text.</summary>
public sealed class PreparedReadConnection : IDisposable
{
    // A statement per distinct SQL text; the texts are few (one per citizen column set in use), but a caller choosing
    // selections freely must not make a connection hold statements without bound.
    private const int MaxStatements = 64;

    private readonly DbConnection _connection;
    private readonly PreparedReads _owner;
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);

    internal PreparedReadConnection(DbConnection connection, PreparedReads owner)
    {
        _connection = connection;
        _owner = owner;
    }

    /// <summary>The first row of <paramref name="sql"/> run with <paramref name="parameters"/> bound in order, as <paramref name="readRow"/> reads it; default without a row.</summary>
    public async Task<T?> ReadFirstAsync<T>(string sql, IReadOnlyList<object> parameters, Func<DbDataReader, T> readRow, CancellationToken cancellationToken)
    {
        var (command, kept) = await StatementAsync(sql, parameters, cancellationToken);
        try
        {
            _owner.Executing(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? readRow(reader) : default;
        }
        finally
        {
            if (!kept)
            {
                await command.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    /// <summary>The statement for <paramref name="sql"/> with the values bound; kept (and prepared) unless the connection holds its maximum.</summary>
    private async ValueTask<(DbCommand Command, bool Kept)> StatementAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        if (_statements.TryGetValue(sql, out var command))
        {
            Bind(command, parameters);
            return (command, true);
        }

        command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        Bind(command, parameters);
        if (_statements.Count >= MaxStatements)
        {
            return (command, false);
        }

        // Prepared with the first values bound: PostgreSQL takes the parameters' types from them.
        try
        {
            await command.PrepareAsync(cancellationToken);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }

        _statements.Add(sql, command);
        return (command, true);
    }

    private static void Bind(DbCommand command, IReadOnlyList<object> parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            command.Parameters[i].Value = parameters[i];
        }
    }
}
