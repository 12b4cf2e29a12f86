using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Data.Storage;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>The store for a configured provider; a new kind of store is one more arm here, and the writer is untouched.</summary>
public static class AccessLogStores
{
    /// <summary>
    /// What every PostgreSQL writer takes to extend the one chain, held to its commit: whoever holds it (another
    /// instance's writer, the readiness probe, a test) keeps every other writer from committing.
    /// </summary>
    public const string PostgresWriterLock = $"LOCK TABLE \"{AccessLogDbContext.RequestsTableName}\" IN EXCLUSIVE MODE";

    public static IAccessLogStore Open(DatabaseProvider provider, string connectionString, int citizenIndexBatch) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAccessLogStore(connectionString, citizenIndexBatch),
        DatabaseProvider.Postgres => new PostgresAccessLogStore(connectionString, citizenIndexBatch),
    };
}
