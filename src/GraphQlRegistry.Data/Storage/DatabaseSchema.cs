using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Storage;

/// <summary>
/// Brings a store's schema up to its provider's migrations: SQLite's beside each context, PostgreSQL's in
/// <see cref="DbContextOptionsBuilderExtensions.PostgresMigrationsAssembly"/>. EF Core creates a missing database,
/// serialises concurrent migrators with a lock, and refuses to migrate a model that has changes no migration covers.
/// </summary>
public static class DatabaseSchema
{
    public static async Task MigrateAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        await context.Database.MigrateAsync(cancellationToken);
        if (context.Database.IsSqlite())
        {
            // WAL is a property of the file: once set, readers never block the writer.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>The migrations this build knows and the store has not applied, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(DbContext context, CancellationToken cancellationToken = default) =>
        [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
}
