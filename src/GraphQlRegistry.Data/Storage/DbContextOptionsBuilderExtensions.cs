using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Storage;

public static class DbContextOptionsBuilderExtensions
{
    /// <summary>Points a context at the configured provider. SQLite gets a busy timeout, since the log writer and readers share the file.</summary>
    public static DbContextOptionsBuilder UseRegistryProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString),
        };
}
