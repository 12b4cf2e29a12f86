using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Storage;

public static class DbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Migrations are provider-specific SQL, so each provider keeps its own (EF Core's pattern for one model on several
    /// providers): SQLite's live beside each context, PostgreSQL's in this assembly, which the host and CLI deploy.
    /// </summary>
    public const string PostgresMigrationsAssembly = "GraphQlRegistry.Migrations.Postgres";

    /// <summary>Points a context at the configured provider and at that provider's migrations.</summary>
    public static DbContextOptionsBuilder UseRegistryProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
        };
}
