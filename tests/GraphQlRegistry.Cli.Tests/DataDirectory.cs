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
/// A throwaway data directory as the server keeps it: a small seeded registry (made by <c>registry seed</c>), its
/// development keys, and an access log the test fills through the real writer with the records it needs.
/// </summary>
public sealed class DataDirectory : IAsyncDisposable
{
    public const int Citizens = 40;

    private DataDirectory(string path) => Path = path;

    public string Path { get; }

    public string LogConnectionString => $"Data Source={System.IO.Path.Combine(Path, "access-log.db")}";

    public CitizenPseudonym Pseudonym => new(File.ReadAllText(System.IO.Path.Combine(Path, "pseudonym.key")).Trim());

    public static async Task<DataDirectory> CreateAsync()
    {
        var directory = new DataDirectory(Directory.CreateTempSubdirectory("registry-cli-test-").FullName);
        var seeded = await CliRun.RunAsync(null, "seed", "--citizens", Citizens.ToString(), "--data", directory.Path);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        await using var log = directory.Log();
        await DatabaseSchema.EnsureAsync(log, DatabaseProvider.Sqlite);
        return directory;
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
