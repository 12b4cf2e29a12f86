using GraphQlRegistry.Data.Storage;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>The store for a configured provider; a new kind of store is one more arm here, and the writer is untouched.</summary>
public static class AccessLogStores
{
    public static IAccessLogStore Open(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAccessLogStore(connectionString),
        DatabaseProvider.Postgres => new PostgresAccessLogStore(connectionString),
    };
}
