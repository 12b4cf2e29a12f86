using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GraphQlRegistry.AccessLog.Tests.Storage;

/// <summary>
/// A log written a row per entry keeps every entry and its chain through the migration that packs them: the SQL
/// packing gives, byte for byte, what the writer packs, and the chain verifies after it.
/// </summary>
public sealed class PackedFieldsMigrationTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("packed-fields-migration-").FullName;
    private LogStore _written = null!;

    public async Task InitializeAsync()
    {
        _written = await LogStore.CreateAsync();
        var start = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var page = Enumerable.Range(0, 40).Select(n => LogStore.Record(n, "req-page") with
        {
            Time = start.AddMilliseconds(n % 7 == 3 ? -2_500 : n * 10),
            Path = n % 5 == 0 ? null : $"citizens.nodes[{n}].fullName",
            Decision = n % 3 == 0 ? FieldOutcome.Denied : FieldOutcome.Revealed,
            Reason = n % 3 == 0 ? "FIELD_NOT_ENTITLED" : null,
        }).ToList();
        await _written.Writer.AppendAsync(page, CancellationToken.None);
        await _written.Writer.AppendAsync(Enumerable.Range(100, 18).Select(n => LogStore.Record(n, "req-kyc")).ToList(), CancellationToken.None);
        await _written.Writer.AppendAsync([LogStore.Record(200, "req-empty-path") with { Field = null, Path = null, Mask = FieldMask.Partial }], CancellationToken.None);
    }

    [Fact]
    public async Task RowsWrittenBeforeIt_PackAsTheWriterPacks_AndTheChainVerifies()
    {
        await using (var old = Context())
        {
            await old.GetService<IMigrator>().MigrateAsync("RecentCitizenIndexInSpanOrder");
            await CopyAsRowsAsync(old);
            await old.Database.MigrateAsync();
        }

        await using var written = _written.Context();
        await using var migrated = Context();
        Assert.Equal(await PackedAsync(written), await PackedAsync(migrated));
        Assert.Equal(new ChainVerification(true, 59, null, null), await ChainVerifier.VerifyAsync(migrated));
        Assert.Equal(
            (await written.Entries.ToListAsync()).Select(e => System.Text.Json.JsonSerializer.Serialize(e)),
            (await migrated.Entries.ToListAsync()).Select(e => System.Text.Json.JsonSerializer.Serialize(e)));
    }

    /// <summary>The written log as the earlier schema stored it: the same rows, and a row per entry where the request now holds them packed.</summary>
    private async Task CopyAsRowsAsync(AccessLogDbContext old)
    {
        await using var written = _written.Context();
        var connection = (SqliteConnection)old.Database.GetDbConnection();
        await connection.OpenAsync();
        await Execute(connection, $"ATTACH DATABASE '{Path.Combine(_written.DirectoryPath, "access-log.db")}' AS written");
        foreach (var table in new[] { "AccessLogTexts", "AccessLogCitizenSpans", "AccessLogRecentCitizenIndex", "AccessLogHourlyCounts" })
        {
            await Execute(connection, $"INSERT INTO \"{table}\" SELECT * FROM written.\"{table}\"");
        }

        await Execute(connection, "INSERT INTO \"AccessLogRequests\" SELECT \"Start\", \"EntryCount\", \"TimeUnixMs\", \"RequestId\", \"OperationName\", \"Subject\", " +
            "\"OrganizationId\", \"OrganizationType\", \"GrantId\", \"GrantAuthority\", \"Channel\", \"Purpose\", \"PreviousHash\", \"Hash\" FROM written.\"AccessLogRequests\"");
        foreach (var request in await written.Requests.AsNoTracking().ToListAsync())
        {
            for (var ordinal = 0; ordinal < PackedFields.CountOf(request.Fields); ordinal++)
            {
                var field = PackedFields.Read(request.Fields, ordinal);
                await Execute(connection,
                    "INSERT INTO \"AccessLogEntries\" VALUES " +
                    $"({request.Start}, {ordinal}, {field.TimeOffsetMs}, {Id(field.FieldId)}, {Id(field.PathId)}, {field.Decision}, {field.Mask}, {Id(field.ReasonId)})");
            }
        }
    }

    private static async Task<List<(long Start, string Fields)>> PackedAsync(AccessLogDbContext log) =>
        (await log.Requests.OrderBy(r => r.Start).ToListAsync()).Select(r => (r.Start, Convert.ToHexString(r.Fields))).ToList();

    private static string Id(int id) => id == 0 ? "NULL" : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private AccessLogDbContext Context() =>
        new(new DbContextOptionsBuilder<AccessLogDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "access-log.db")}").Options);

    public async Task DisposeAsync()
    {
        await _written.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
