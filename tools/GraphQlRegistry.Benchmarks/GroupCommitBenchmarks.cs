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
/// One group commit of 1,000 KYC-shaped entries through the real writer on SQLite (WAL, synchronous=FULL): linking,
/// hashing, the rows, the rollup and the fsync. Entries per second = 1,000 / the mean.
/// </summary>
[MemoryDiagnoser]
public class GroupCommitBenchmarks
{
    public const int EntriesPerCommit = 1_000;

    private string _directory = "";
    private GroupCommitAccessLog _writer = null!;
    private List<AccessRecord> _records = [];

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
        _writer = new GroupCommitAccessLog(new AccessLogWriterOptions(DatabaseProvider.Sqlite, connectionString, TimeSpan.FromMinutes(1)), NullLogger<GroupCommitAccessLog>.Instance);
    }

    [Benchmark]
    public Task CommitThousandEntries() => _writer.AppendAsync(_records, CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
