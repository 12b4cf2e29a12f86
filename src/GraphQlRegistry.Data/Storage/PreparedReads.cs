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
public sealed class PreparedReads(DatabaseProvider provider, string connectionString, ILogger<PreparedReads> logger) : IDisposable
{
    // Reads take microseconds and a request makes them one after another, so a few connections serve many requests;
    // the bound keeps this pool from taking a PostgreSQL server's connections from EF Core's.
    private static readonly int MaxConnections = Math.Min(Environment.ProcessorCount * 4, 16);

    private readonly ConcurrentBag<PreparedReadConnection> _idle = [];
    private readonly SemaphoreSlim _slots = new(MaxConnections);
    private volatile bool _disposed;

    /// <summary>
    /// Runs <paramref name="read"/> on an open connection. The connection goes back to the idle set when the read
    /// succeeds; a read that throws may leave it in any state, so it is closed instead.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<PreparedReadConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var connection = _idle.TryTake(out var idle) ? idle : await OpenAsync(cancellationToken);
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

            _idle.Add(connection);
            if (_disposed)
            {
                Dispose();
            }

            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private async Task<PreparedReadConnection> OpenAsync(CancellationToken cancellationToken)
    {
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

        return new PreparedReadConnection(connection, logger);
    }
}
