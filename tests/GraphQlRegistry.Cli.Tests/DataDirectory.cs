using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Tests;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQlRegistry.Cli.Tests;

/// <summary>
/// A throwaway data directory as the server keeps it: a small seeded registry (made once per test run by
/// <c>registry seed</c> and copied), its development keys, and an access log the test fills through the real writer
/// with the records it needs. On the test assembly's provider (<see cref="TestStore"/>): SQLite files in the directory,
/// or a PostgreSQL database of its own (a copy of the seeded one) that every <c>registry</c> run is pointed at.
/// </summary>
public sealed class DataDirectory : IAsyncDisposable
{
    public const int Citizens = 40;
    private static readonly Lazy<Task<(string Path, string? Database)>> Template = new(SeedTemplateAsync);
    private readonly string? _database;

    private DataDirectory(string path, string? database)
    {
        Path = path;
        _database = database;
    }

    public string Path { get; }

    public string LogConnectionString => _database is null ? $"Data Source={System.IO.Path.Combine(Path, "access-log.db")}" : TestStore.Cluster.ConnectionString(_database);

    /// <summary>What points a <c>registry</c> run at this directory's store, as a server's environment would (none for SQLite: <c>--data</c> says it).</summary>
    public IReadOnlyDictionary<string, string>? Environment => _database is null ? null : StoreEnvironment(_database);

    public CitizenPseudonym Pseudonym => new(File.ReadAllText(System.IO.Path.Combine(Path, "pseudonym.key")).Trim());

    public static async Task<DataDirectory> CreateAsync()
    {
        var template = await Template.Value;
        var database = template.Database is null ? null : TestStore.Cluster.CreateDatabase(template.Database);
        var directory = new DataDirectory(Directory.CreateTempSubdirectory("registry-cli-test-").FullName, database);
        foreach (var file in Directory.GetFiles(template.Path))
        {
            File.Copy(file, System.IO.Path.Combine(directory.Path, System.IO.Path.GetFileName(file)));
        }

        await using var log = directory.Log();
        await DatabaseSchema.MigrateAsync(log);
        return directory;
    }

    private static async Task<(string Path, string? Database)> SeedTemplateAsync()
    {
        var path = Directory.CreateTempSubdirectory("registry-cli-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(path, recursive: true);
        var database = TestStore.IsPostgres ? TestStore.Cluster.CreateDatabase() : null;
        var seeded = await CliRun.RunAsync(database is null ? null : StoreEnvironment(database), "seed", "--citizens", Citizens.ToString(), "--data", path);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        if (database is not null)
        {
            await using (var log = new DataDirectory(path, database).Log())
            {
                await DatabaseSchema.MigrateAsync(log);
            }

            TestStore.Cluster.Freeze(database);
            return (path, database);
        }

        await using (var registry = new Data.Storage.RegistryDbContext(new DbContextOptionsBuilder<Data.Storage.RegistryDbContext>().UseSqlite($"Data Source={System.IO.Path.Combine(path, "registry.db")}").Options))
        {
            // Into the main file, so a copy of registry.db alone is the whole registry.
            await registry.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        foreach (var sidecar in Directory.GetFiles(path, "*-wal").Concat(Directory.GetFiles(path, "*-shm")))
        {
            File.Delete(sidecar);
        }

        return (path, null);
    }

    private static Dictionary<string, string> StoreEnvironment(string database) => new()
    {
        ["Registry__Database__Provider"] = "Postgres",
        ["ConnectionStrings__Registry"] = TestStore.Cluster.ConnectionString(database),
    };

    public Task<CliRun> RunAsync(params string[] arguments) => CliRun.RunAsync(Environment, [.. arguments, "--data", Path]);

    public AccessLogDbContext Log()
    {
        var options = new DbContextOptionsBuilder<AccessLogDbContext>();
        options.UseRegistryProvider(TestStore.Provider, LogConnectionString);
        return new AccessLogDbContext(options.Options);
    }

    public async Task WriteAsync(IEnumerable<AccessRecord> records)
    {
        await using var writer = new GroupCommitAccessLog(new AccessLogWriterOptions(TestStore.Provider, LogConnectionString, TimeSpan.FromSeconds(30)),
            NullLogger<GroupCommitAccessLog>.Instance);
        foreach (var request in records.Chunk(1000))
        {
            await writer.AppendAsync(request, CancellationToken.None);
        }
    }

    /// <summary>Runs one statement on the access log's store, as someone with database access could.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var log = Log();
        var connection = log.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static AccessContext Caller(string organizationId, OrganizationType type, string requestId) =>
        new(requestId, "Kyc", "svc-" + organizationId, organizationId, type, "grant-" + organizationId, GrantingAuthority.DistrictPoliceChief, Channel.NationalPortal, "KYC");

    public static AccessRecord Read(AccessContext caller, DateTimeOffset time, string? citizenRef, string field, FieldOutcome decision = FieldOutcome.Revealed) =>
        new(caller, time, citizenRef, field, "citizen." + field, decision, decision == FieldOutcome.Masked ? FieldMask.Partial : FieldMask.None,
            decision == FieldOutcome.Denied ? "FIELD_NOT_ENTITLED" : null);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            TestStore.Cluster.DropDatabase(_database);
        }

        await Task.Run(() => Directory.Delete(Path, recursive: true));
    }
}
