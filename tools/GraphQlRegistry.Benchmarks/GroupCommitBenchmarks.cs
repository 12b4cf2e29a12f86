using BenchmarkDotNet.Attributes;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQlRegistry.Benchmarks;

/// <summary>
/// Group commits through the real writer on SQLite (WAL, synchronous=FULL): linking, hashing, the rows, the citizen
/// index, the rollup and the fsync. <see cref="CommitThousandEntries"/>: 1,000 KYC-shaped entries (entries per second =
/// 1,000 / the mean); <see cref="CommitOnePage"/>: a state agency's page of 500 citizens (S2), 15,668 entries;
/// <see cref="CommitOneKycRequest"/>: one KYC lookup's 18 entries alone, what a commit costs when it carries one request.
/// </summary>
[MemoryDiagnoser]
public class GroupCommitBenchmarks
{
    public const int EntriesPerCommit = 1_000;

    private string _directory = "";
    private GroupCommitAccessLog _writer = null!;
    private List<AccessRecord> _records = [];
    private List<AccessRecord> _page = [];
    private List<AccessRecord> _kyc = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("group-commit-bench-").FullName;
        var connectionString = $"Data Source={Path.Combine(_directory, "access-log.db")}";
        await using (var db = new AccessLogDbContext(new DbContextOptionsBuilder<AccessLogDbContext>().UseSqlite(connectionString).Options))
        {
            await DatabaseSchema.MigrateAsync(db);
        }

        _records = KycRecords.Requests(EntriesPerCommit, seed: 1);
        _page = PageRecords.Page(seed: 1);
        _kyc = KycRecords.Requests(KycRecords.EntriesPerRequest, seed: 2);
        _writer = new GroupCommitAccessLog(new AccessLogWriterOptions(DatabaseProvider.Sqlite, connectionString, TimeSpan.FromMinutes(1)), NullLogger<GroupCommitAccessLog>.Instance);
    }

    [Benchmark]
    public Task CommitThousandEntries() => _writer.AppendAsync(_records, CancellationToken.None);

    [Benchmark]
    public Task CommitOnePage() => _writer.AppendAsync(_page, CancellationToken.None);

    [Benchmark]
    public Task CommitOneKycRequest() => _writer.AppendAsync(_kyc, CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
