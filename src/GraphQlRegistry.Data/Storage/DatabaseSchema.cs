using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphQlRegistry.Data.Storage;

/// <summary>
/// Brings a store's schema up to date at start-up. SQLite runs the checked-in migrations (and switches to WAL, so
/// readers never block the writer). PostgreSQL creates the model's tables when they are missing: its migrations are
/// not generated yet, so a schema change there is a manual step (see README).
/// </summary>
public static class DatabaseSchema
{
    public static async Task EnsureAsync(DbContext context, DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                await context.Database.MigrateAsync(cancellationToken);
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                break;
            case DatabaseProvider.Postgres:
                var creator = context.GetService<IRelationalDatabaseCreator>();
                if (!await creator.ExistsAsync(cancellationToken))
                {
                    await creator.CreateAsync(cancellationToken);
                }

                var script = context.Database.GenerateCreateScript()
                    .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
                    .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                    .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
                await context.Database.ExecuteSqlRawAsync(script, cancellationToken);
                break;
        }
    }
}
