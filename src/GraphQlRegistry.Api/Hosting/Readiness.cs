using System.Data.Common;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// <c>/healthz</c> answers while the process serves at all (liveness); <c>/readyz</c> while it can serve requests
/// (readiness): the registry answers, the access log can take a write, and both stores have every migration this
/// build expects. Both are anonymous and carry no data; a failed readiness names the dependency and a fixed reason,
/// never an exception message (it would tell an anonymous caller about the infrastructure).
/// </summary>
public static class Readiness
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";

    /// <summary>Shorter than a load balancer's probe timeout, so a stuck store is reported rather than timed out.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet(LivenessPath, () => Results.Text("ok"));
        app.MapGet(ReadinessPath, CheckAsync);
    }

    private static async Task<IResult> CheckAsync(
        RegistrySettings settings, IDbContextFactory<RegistryDbContext> registry, IDbContextFactory<AccessLogDbContext> accessLog, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        // Draining: the load balancer should stop sending before the listener closes.
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Results.Json(new { status = "stopping" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var checks = new Dictionary<string, string>
        {
            ["registry"] = Describe(await ProbeAsync(registry, store => ReachableAsync(settings.Provider, store.Database.GetConnectionString()!, writable: false, cancellationToken), cancellationToken)),
            ["accessLog"] = Describe(await ProbeAsync(accessLog, store => ReachableAsync(settings.AccessLogProvider, store.Database.GetConnectionString()!, writable: true, cancellationToken), cancellationToken)),
        };
        var ready = checks.Values.All(status => status == "ok");
        return Results.Json(new { status = ready ? "ready" : "unready", checks }, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ProbeResult> ProbeAsync<TContext>(IDbContextFactory<TContext> factory, Func<TContext, Task<ProbeResult>> reach, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        await using var store = await factory.CreateDbContextAsync(cancellationToken);
        var reached = await reach(store);
        if (reached != ProbeResult.Ok)
        {
            return reached;
        }

        try
        {
            return (await DatabaseSchema.PendingMigrationsAsync(store, cancellationToken)).Count == 0 ? ProbeResult.Ok : ProbeResult.MigrationsPending;
        }
        catch (DbException)
        {
            return ProbeResult.Unreachable;
        }
    }

    /// <summary>
    /// A connection of the probe's own, so its short timeout never leaks into the pooled contexts. A write probe takes
    /// the lock the writer takes and rolls back (SQLite's write lock; PostgreSQL's exclusive lock on the entries table,
    /// then asks whether this session may insert), so a log another session holds locked is not writable on either
    /// provider; it never writes an entry, since every entry is chained evidence.
    /// </summary>
    private static async Task<ProbeResult> ReachableAsync(DatabaseProvider provider, string connectionString, bool writable, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        await using var connection = Open(provider, connectionString);
        try
        {
            await connection.OpenAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is DbException or OperationCanceledException or InvalidOperationException)
        {
            return ProbeResult.Unreachable;
        }

        try
        {
            return !writable || await WritableAsync(provider, connection, timeout.Token) ? ProbeResult.Ok : ProbeResult.NotWritable;
        }
        catch (Exception exception) when (exception is DbException or OperationCanceledException)
        {
            return ProbeResult.NotWritable;
        }
    }

    private static DbConnection Open(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString) { DefaultTimeout = (int)ProbeTimeout.TotalSeconds },
        DatabaseProvider.Postgres => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)ProbeTimeout.TotalSeconds, CommandTimeout = (int)ProbeTimeout.TotalSeconds }.ConnectionString),
    };

    private static async Task<bool> WritableAsync(DatabaseProvider provider, DbConnection connection, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken here, and released by the rollback on dispose.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (provider == DatabaseProvider.Postgres)
        {
            // Waits at most one commit of another instance; a lock held longer fails the probe as it fails the writer.
            await ExecuteAsync(connection, transaction, $"SET LOCAL lock_timeout = {(int)(ProbeTimeout.TotalMilliseconds / 2)}", cancellationToken);
            await ExecuteAsync(connection, transaction, AccessLogStores.PostgresWriterLock, cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider switch
        {
            DatabaseProvider.Sqlite => "SELECT 1",
            DatabaseProvider.Postgres => $"SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off' AND has_table_privilege('\"{AccessLogDbContext.RequestsTableName}\"', 'INSERT')",
        };
        return await command.ExecuteScalarAsync(cancellationToken) is true or 1L;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Describe(ProbeResult result) => result switch
    {
        ProbeResult.Ok => "ok",
        ProbeResult.Unreachable => "unreachable",
        ProbeResult.NotWritable => "not writable",
        ProbeResult.MigrationsPending => "migrations pending",
    };

    private enum ProbeResult
    {
        Ok,
        Unreachable,
        NotWritable,
        MigrationsPending,
    }
}
