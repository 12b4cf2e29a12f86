using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace GraphQlRegistry.Api.Tests.Postgres;

/// <summary>
/// Each provider's migrations, applied to an empty store, give exactly the model: nothing pending, no model change
/// uncovered, and on PostgreSQL the catalogue's tables, columns, types and indexes are the model's.
/// </summary>
public sealed class MigrationsTests
{
    [ProviderFact(DatabaseProvider.Postgres, "PostgreSQL's migrations and catalogue")]
    public async Task PostgresRegistry_MigratedFromEmpty_MatchesTheModel()
    {
        await using var db = new RegistryDbContext(Options<RegistryDbContext>(DatabaseProvider.Postgres, TestStore.Cluster.ConnectionString(TestStore.Cluster.CreateDatabase())));
        await AssertMigratesToModelAsync(db);
        await AssertCatalogueMatchesModelAsync(db);
    }

    [ProviderFact(DatabaseProvider.Postgres, "PostgreSQL's migrations and catalogue")]
    public async Task PostgresAccessLog_MigratedFromEmpty_MatchesTheModel()
    {
        await using var db = new AccessLogDbContext(Options<AccessLogDbContext>(DatabaseProvider.Postgres, TestStore.Cluster.ConnectionString(TestStore.Cluster.CreateDatabase())));
        await AssertMigratesToModelAsync(db);
        await AssertCatalogueMatchesModelAsync(db);
    }

    [ProviderFact(DatabaseProvider.Sqlite, "SQLite's migrations")]
    public async Task SqliteStores_MigratedFromEmpty_MatchTheModel()
    {
        var directory = Directory.CreateTempSubdirectory("registry-migrations-").FullName;
        try
        {
            await using (var registry = new RegistryDbContext(Options<RegistryDbContext>(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "registry.db")};Pooling=false")))
            {
                await AssertMigratesToModelAsync(registry);
            }

            await using var log = new AccessLogDbContext(Options<AccessLogDbContext>(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "log.db")};Pooling=false"));
            await AssertMigratesToModelAsync(log);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertMigratesToModelAsync(DbContext db)
    {
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration covers");
        Assert.NotEmpty(await DatabaseSchema.PendingMigrationsAsync(db));
        await DatabaseSchema.MigrateAsync(db);
        Assert.Empty(await DatabaseSchema.PendingMigrationsAsync(db));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>Reads PostgreSQL's own catalogue, so a migration that drifted from the model is caught whatever EF believes.</summary>
    private static async Task AssertCatalogueMatchesModelAsync(DbContext db)
    {
        var expectedColumns = new SortedSet<string>(StringComparer.Ordinal);
        var expectedIndexes = new SortedSet<string>(StringComparer.Ordinal);
        var expectedViews = new SortedSet<string>(db.Model.GetEntityTypes().Select(e => e.GetViewName()).OfType<string>(), StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                expectedColumns.Add($"{table.Name}.{property.GetColumnName(table)} {property.GetColumnType()} {(property.IsColumnNullable(table) ? "null" : "not null")}");
            }

            expectedIndexes.Add($"{table.Name}.{entity.FindPrimaryKey()!.GetName()}");
            foreach (var index in entity.GetIndexes())
            {
                expectedIndexes.Add($"{table.Name}.{index.GetDatabaseName()}");
            }
        }

        var actualColumns = await CatalogueAsync(db, """
            SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE '\_\_EF%'
            """);
        var actualIndexes = await CatalogueAsync(db, "SELECT tablename || '.' || indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'");
        var actualViews = await CatalogueAsync(db, "SELECT viewname FROM pg_views WHERE schemaname = 'public'");
        Assert.Equal(expectedColumns, actualColumns);
        Assert.Equal(expectedIndexes, actualIndexes);
        Assert.Equal(expectedViews, actualViews);
    }

    private static async Task<SortedSet<string>> CatalogueAsync(DbContext db, string sql)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        await connection.CloseAsync();
        return rows;
    }

    private static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        options.UseRegistryProvider(provider, connectionString);
        return options.Options;
    }
}
