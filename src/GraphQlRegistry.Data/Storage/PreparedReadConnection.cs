using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphQlRegistry.Data.Storage;

/// <summary>One open connection of <see cref="PreparedReads"/> and the statements prepared on it, by SQL text.</summary>
public sealed partial class PreparedReadConnection : IDisposable
{
    // A statement per distinct SQL text; the texts are few (one per citizen column set in use), but a caller choosing
    // selections freely must not make a connection hold statements without bound.
    private const int MaxStatements = 64;

    private readonly DbConnection _connection;
    private readonly ILogger _logger;
    private readonly Dictionary<string, DbCommand> _statements = new(StringComparer.Ordinal);

    /// <param name="logger">The pool's logger: every read is logged under <see cref="PreparedReads"/>' category.</param>
    internal PreparedReadConnection(DbConnection connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
    }

    /// <summary>The first row of <paramref name="sql"/> run with <paramref name="parameters"/> bound in order, as <paramref name="readRow"/> reads it; default without a row.</summary>
    public async Task<T?> ReadFirstAsync<T>(string sql, IReadOnlyList<object> parameters, Func<DbDataReader, T> readRow, CancellationToken cancellationToken)
    {
        var (command, kept) = await StatementAsync(sql, parameters, cancellationToken);
        try
        {
            LogExecuting(_logger, sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? readRow(reader) : default;
        }
        finally
        {
            if (kept)
            {
                // A kept statement must not hold the last request's values (a personal id) while it waits for the next.
                foreach (DbParameter parameter in command.Parameters)
                {
                    parameter.Value = DBNull.Value;
                }
            }
            else
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

        // Npgsql keeps a prepared statement on the physical connection, which outlives this one in its pool.
        if (_connection is NpgsqlConnection { State: ConnectionState.Open } npgsql && _statements.Count > 0)
        {
            try
            {
                npgsql.UnprepareAll();
            }
            catch (NpgsqlException)
            {
                // A connection too broken to unprepare is dropped by Npgsql, statements and all.
            }
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

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Executing prepared read: {Sql}")]
    private static partial void LogExecuting(ILogger logger, string sql);
}
