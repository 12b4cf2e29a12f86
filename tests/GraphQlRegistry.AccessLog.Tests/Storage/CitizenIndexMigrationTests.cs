using GraphQlRegistry.AccessLog.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GraphQlRegistry.AccessLog.Tests.Storage;

/// <summary>
/// A log written before the citizen index had levels keeps every citizen's history: the migrations index its spans,
/// and the settled level they fill becomes the first run.
/// </summary>
public sealed class CitizenIndexMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("citizen-index-migration-").FullName;

    private AccessLogDbContext Context() =>
        new(new DbContextOptionsBuilder<AccessLogDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "access-log.db")}").Options);

    [Fact]
    public async Task SpansLoggedBeforeTheMigration_AreAllInTheFirstRun()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync("AccessFlags");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"AccessLogCitizenSpans\" (\"FirstSequence\", \"CitizenRef\", \"LastSequence\") VALUES " +
                "(1, 'a-pseudonym-longer-than-its-key', 3), (4, 'short', 4), (5, 'a-pseudonym-longer-than-its-key-too', 9)");
            await db.Database.MigrateAsync();
        }

        await using var migrated = Context();
        var settled = await migrated.CitizenIndex.OrderBy(i => i.FirstSequence).Select(i => new { i.CitizenKey, i.FirstSequence }).ToListAsync();
        var run = Assert.Single(await migrated.CitizenIndexRuns.ToListAsync());
        Assert.Equal((0L, 3L, (long?)null, (string?)null), (run.Run, run.Rows, run.MergingInto, run.MergedBelow));
        Assert.All(await migrated.CitizenIndex.Select(i => i.Run).ToListAsync(), r => Assert.Equal(0L, r));

        Assert.Equal(
            [new { CitizenKey = "a-pseudonym-long", FirstSequence = 1L }, new { CitizenKey = "short", FirstSequence = 4L }, new { CitizenKey = "a-pseudonym-long", FirstSequence = 5L }],
            settled);
        Assert.Empty(await migrated.RecentCitizenIndex.ToListAsync());
        Assert.Equal(settled.Select(i => i.CitizenKey), (await migrated.CitizenSpans.OrderBy(s => s.FirstSequence).ToListAsync()).Select(s => CitizenIndexRow.KeyOf(s.CitizenRef)));
    }

    [Fact]
    public async Task RecentLevelRekeyedInSpanOrder_KeepsEveryRow_AndStaysWithoutRowid()
    {
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync("CitizenIndexRuns");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"AccessLogRecentCitizenIndex\" (\"CitizenKey\", \"FirstSequence\") VALUES ('ffff', 1), ('0000', 2), ('8888', 3), ('0000', 4)");
            await db.Database.MigrateAsync();
        }

        await using var migrated = Context();
        Assert.Equal(
            [("ffff", 1L), ("0000", 2L), ("8888", 3L), ("0000", 4L)],
            (await migrated.RecentCitizenIndex.OrderBy(i => i.FirstSequence).ToListAsync()).Select(i => (i.CitizenKey, i.FirstSequence)));
        var table = await migrated.Database
            .SqlQueryRaw<string>("SELECT \"sql\" AS \"Value\" FROM sqlite_master WHERE \"name\" = 'AccessLogRecentCitizenIndex'").SingleAsync();
        Assert.Contains("PRIMARY KEY (\"FirstSequence\")", table);
        Assert.EndsWith("WITHOUT ROWID", table);
        Assert.Equal([2L, 4L], await migrated.IndexedSpansUnder("0000").OrderBy(s => s).ToListAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
