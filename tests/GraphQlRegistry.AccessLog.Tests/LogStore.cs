using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQlRegistry.AccessLog.Tests;

/// <summary>A throwaway SQLite access log on disk, with its group-commit writer.</summary>
public sealed class LogStore : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("access-log-test-").FullName;

    private LogStore()
    {
    }

    public string DirectoryPath => _directory;

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "access-log.db")}";

    public GroupCommitAccessLog Writer { get; private set; } = null!;

    public static async Task<LogStore> CreateAsync(int citizenIndexBatch = 8192)
    {
        var store = new LogStore();
        await using (var db = store.Context())
        {
            await DatabaseSchema.MigrateAsync(db);
        }

        store.Writer = new GroupCommitAccessLog(new AccessLogWriterOptions(DatabaseProvider.Sqlite, store.ConnectionString, TimeSpan.FromSeconds(10), CitizenIndexBatch: citizenIndexBatch),
            NullLogger<GroupCommitAccessLog>.Instance);
        return store;
    }

    public AccessLogDbContext Context() => new(new DbContextOptionsBuilder<AccessLogDbContext>().UseSqlite(ConnectionString).Options);

    public static AccessRecord Record(int n, string requestId = "req") => new(
        new AccessContext(requestId, "Kyc", "svc-bank", "demo-credit-institution", OrganizationType.CreditInstitution, "grant-1",
            Policy.Grants.GrantingAuthority.DistrictPoliceChief, Channel.NationalPortal, "KYC"),
        DateTimeOffset.UnixEpoch.AddSeconds(n), "ref-" + n, "Citizen.fullName", "citizen.fullName", FieldOutcome.Revealed, FieldMask.None, null);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
