using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Storage;

public static class DbContextOptionsBuilderExtensions
{
    /// <summary>Points a context at the configured provider.</summary>
    public static DbContextOptionsBuilder UseRegistryProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString),
        };
}
