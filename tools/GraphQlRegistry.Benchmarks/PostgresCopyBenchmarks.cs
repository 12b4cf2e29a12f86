using BenchmarkDotNet.Attributes;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Tests.Postgres;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace GraphQlRegistry.Benchmarks;

/// <summary>
/// 1,000 KYC-shaped entries committed on a throwaway PostgreSQL (loopback, its own cluster): the writer's binary COPY
/// into the compact tables, against the baseline it replaced, one prepared INSERT per entry into one wide row per
/// entry (every context column repeated, hashes as hex). The cluster runs with fsync off, so this compares the work
/// of writing, not the disk.
/// </summary>
[MemoryDiagnoser]
public class PostgresCopyBenchmarks
{
    private const string WideTable = "WideAccessLogEntries";

    private ThrowawayPostgres _postgres = null!;
    private GroupCommitAccessLog _writer = null!;
    private NpgsqlDataSource _baseline = null!;
    private List<AccessRecord> _records = [];
    private ChainHead _baselineHead = ChainHead.Genesis;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _postgres = new ThrowawayPostgres();
        var connectionString = _postgres.ConnectionString("access_log_bench");
        var options = new DbContextOptionsBuilder<AccessLogDbContext>();
        options.UseRegistryProvider(DatabaseProvider.Postgres, connectionString);
        await using (var db = new AccessLogDbContext(options.Options))
        {
            await DatabaseSchema.MigrateAsync(db);
        }

        _baseline = NpgsqlDataSource.Create(connectionString);
        await using (var create = _baseline.CreateCommand(
            $"CREATE TABLE \"{WideTable}\" (\"Sequence\" bigint PRIMARY KEY, \"TimeUnixMs\" bigint NOT NULL, \"RequestId\" text NOT NULL, \"OperationName\" text, " +
            "\"Subject\" text, \"OrganizationId\" text, \"OrganizationType\" text, \"GrantId\" text, \"GrantAuthority\" text, \"Channel\" text, \"Purpose\" text, " +
            "\"CitizenRef\" text, \"Field\" text, \"Path\" text, \"Decision\" text NOT NULL, \"Mask\" text NOT NULL, \"Reason\" text, \"PreviousHash\" text NOT NULL, \"Hash\" text NOT NULL); " +
            $"CREATE INDEX ON \"{WideTable}\" (\"OrganizationId\"); CREATE INDEX ON \"{WideTable}\" (\"TimeUnixMs\")"))
        {
            await create.ExecuteNonQueryAsync();
        }

        _records = KycRecords.Requests(GroupCommitBenchmarks.EntriesPerCommit, seed: 2);
        _writer = new GroupCommitAccessLog(new AccessLogWriterOptions(DatabaseProvider.Postgres, connectionString, TimeSpan.FromMinutes(1)), NullLogger<GroupCommitAccessLog>.Instance);
    }

    [Benchmark]
    public Task CopyIntoCompactTables() => _writer.AppendAsync(_records, CancellationToken.None);

    [Benchmark(Baseline = true)]
    public async Task InsertRowAtATime()
    {
        var linked = ChainLinker.Link(_baselineHead, _records);
        await using var connection = await _baseline.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO \"{WideTable}\" VALUES ({string.Join(", ", Enumerable.Range(1, 19).Select(i => "$" + i))})", connection, transaction);
        NpgsqlDbType[] types = [NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, .. Enumerable.Repeat(NpgsqlDbType.Text, 17)];
        foreach (var type in types)
        {
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
        }

        await insert.PrepareAsync();
        foreach (var request in linked.Requests)
        {
            var context = HashedContext.Of(request.Context);
            for (var ordinal = 0; ordinal < request.Count; ordinal++)
            {
                var entry = HashedEntry.Of(linked.Records[request.Offset + ordinal]);
                object?[] values =
                [
                    request.Start + ordinal, entry.TimeUnixMs, context.RequestId, context.OperationName, context.Subject, context.OrganizationId,
                    context.OrganizationType, context.GrantId, context.GrantAuthority, context.Channel, context.Purpose, entry.CitizenRef, entry.Field,
                    entry.Path, entry.Decision, entry.Mask, entry.Reason, Convert.ToHexStringLower(request.PreviousHash), Convert.ToHexStringLower(request.Hash),
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        _baselineHead = linked.Head;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _writer.DisposeAsync();
        await _baseline.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        _postgres.Dispose();
    }
}
