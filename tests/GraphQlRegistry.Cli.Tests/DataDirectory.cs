using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
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
/// with the records it needs.
/// </summary>
public sealed class DataDirectory : IAsyncDisposable
{
    public const int Citizens = 40;
    private static readonly Lazy<Task<string>> Template = new(SeedTemplateAsync);

    private DataDirectory(string path) => Path = path;

    public string Path { get; }

    public string LogConnectionString => $"Data Source={System.IO.Path.Combine(Path, "access-log.db")}";

    public CitizenPseudonym Pseudonym => new(File.ReadAllText(System.IO.Path.Combine(Path, "pseudonym.key")).Trim());

    public static async Task<DataDirectory> CreateAsync()
    {
        var template = await Template.Value;
        var directory = new DataDirectory(Directory.CreateTempSubdirectory("registry-cli-test-").FullName);
        foreach (var file in Directory.GetFiles(template))
        {
            File.Copy(file, System.IO.Path.Combine(directory.Path, System.IO.Path.GetFileName(file)));
        }

        await using var log = directory.Log();
        await DatabaseSchema.MigrateAsync(log);
        return directory;
    }

    private static async Task<string> SeedTemplateAsync()
    {
        var path = Directory.CreateTempSubdirectory("registry-cli-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(path, recursive: true);
        var seeded = await CliRun.RunAsync(null, "seed", "--citizens", Citizens.ToString(), "--data", path);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
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

        return path;
    }

    public Task<CliRun> RunAsync(params string[] arguments) => CliRun.RunAsync(null, [.. arguments, "--data", Path]);

    public AccessLogDbContext Log() => new(new DbContextOptionsBuilder<AccessLogDbContext>().UseSqlite(LogConnectionString).Options);

    public async Task WriteAsync(IEnumerable<AccessRecord> records)
    {
        await using var writer = new GroupCommitAccessLog(new AccessLogWriterOptions(DatabaseProvider.Sqlite, LogConnectionString, TimeSpan.FromSeconds(30)),
            NullLogger<GroupCommitAccessLog>.Instance);
        foreach (var request in records.Chunk(1000))
        {
            await writer.AppendAsync(request, CancellationToken.None);
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(LogConnectionString);
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
        await Task.Run(() => Directory.Delete(Path, recursive: true));
    }
}
