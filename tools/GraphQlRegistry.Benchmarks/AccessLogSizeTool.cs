using System.Diagnostics;
using System.Globalization;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQlRegistry.Benchmarks;

/// <summary>
/// <c>access-log-size [--entries N] [--dir DIR]</c>: fills a SQLite log (synchronous=FULL) with N KYC-shaped entries
/// (18 per request, 12 organisation types, 100,000 citizens, 30 days) through the real group-commit writer, then
/// reports entries per second, bytes per entry on disk, how long <c>accessStats</c> and <c>accessLog</c> take for
/// each grouping and filter (through the same reader the API uses), and how long the chain check takes.
/// </summary>
public static class AccessLogSizeTool
{
    private const int RequestsPerAppend = 512;
    private const int AppendsInFlight = 4;
    private const int Citizens = 100_000;
    private const int Days = 30;

    public static async Task<int> RunAsync(string[] args)
    {
        var entries = long.Parse(Option(args, "--entries") ?? "10000000", CultureInfo.InvariantCulture);
        var directory = Option(args, "--dir") ?? Directory.CreateTempSubdirectory("access-log-size-").FullName;
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "access-log.db");
        var connectionString = $"Data Source={file}";
        await using (var db = Context(connectionString))
        {
            await DatabaseSchema.MigrateAsync(db);
        }

        var citizens = Enumerable.Range(0, Citizens).Select(i => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        var written = await FillAsync(connectionString, entries, citizens);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(directory, "access-log.db*").Sum(path => new FileInfo(path).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: {bytes:N0} bytes for {written:N0} entries = {(double)bytes / written:F1} bytes/entry ({file})"));
        await using (var db = Context(connectionString))
        {
            // A citizen read a few times over the month, as most are.
            var citizen = await db.CitizenSpans.OrderByDescending(s => s.FirstSequence).Select(s => s.CitizenRef).FirstAsync();
            await QueryAsync(connectionString, citizen);
        }

        await using (var db = Context(connectionString))
        {
            var stopwatch = Stopwatch.StartNew();
            var verification = await ChainVerifier.VerifyAsync(db);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"verifyAccessLog: ok {verification.Ok}, {verification.EntriesChecked:N0} entries in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        }
        return 0;
    }

    private static async Task<long> FillAsync(string connectionString, long entries, string[] citizens)
    {
        var types = Enum.GetValues<OrganizationType>().Where(t => t != OrganizationType.Citizen).ToArray();
        var random = new Random(7);
        var requests = entries / KycRecords.EntriesPerRequest;
        var start = DateTimeOffset.UtcNow.AddDays(-Days);
        var step = TimeSpan.FromDays(Days) / Math.Max(requests, 1);
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var writer = new GroupCommitAccessLog(new AccessLogWriterOptions(DatabaseProvider.Sqlite, connectionString, TimeSpan.FromMinutes(5)), NullLogger<GroupCommitAccessLog>.Instance))
        {
            var inFlight = new Queue<Task>();
            for (var first = 0L; first < requests; first += RequestsPerAppend)
            {
                var batch = new List<AccessRecord>(RequestsPerAppend * KycRecords.EntriesPerRequest);
                for (var request = first; request < Math.Min(first + RequestsPerAppend, requests); request++)
                {
                    batch.AddRange(KycRecords.Request($"fill-{request:D10}", types[random.Next(types.Length)], citizens[random.Next(citizens.Length)], start + step * request));
                }

                inFlight.Enqueue(writer.AppendAsync(batch, CancellationToken.None));
                if (inFlight.Count >= AppendsInFlight)
                {
                    await inFlight.Dequeue();
                }
            }

            await Task.WhenAll(inFlight);
        }

        var written = requests * KycRecords.EntriesPerRequest;
        var cpuMicroseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fill: {written:N0} entries in {stopwatch.Elapsed.TotalSeconds:F1} s = {written / stopwatch.Elapsed.TotalSeconds:N0} entries/s; CPU {cpuMicroseconds / written:F2} µs per entry (records generated in the same process)"));
        return written;
    }

    private static async Task QueryAsync(string connectionString, string citizen)
    {
        AccessStatsDimension[][] groupings =
        [
            [AccessStatsDimension.Organization], [AccessStatsDimension.OrganizationType], [AccessStatsDimension.Field], [AccessStatsDimension.Decision],
            [AccessStatsDimension.Day], [AccessStatsDimension.Organization, AccessStatsDimension.Field],
            [AccessStatsDimension.Organization, AccessStatsDimension.OrganizationType, AccessStatsDimension.Field, AccessStatsDimension.Decision, AccessStatsDimension.Day],
        ];
        var now = DateTimeOffset.UtcNow;
        var week = new AccessLogFilter(From: now.AddDays(-7).AddHours(-5), To: now.AddDays(-1).AddHours(-3));
        foreach (var groupBy in groupings)
        {
            var name = string.Join("+", groupBy);
            await TimeAsync(connectionString, $"accessStats {name}", db => new AccessLogReader(db).StatsAsync(groupBy.ToHashSet(), new AccessLogFilter(), CancellationToken.None));
            await TimeAsync(connectionString, $"accessStats {name}, 6 days from 5 h past a midnight", db => new AccessLogReader(db).StatsAsync(groupBy.ToHashSet(), week, CancellationToken.None));
        }

        (string Name, AccessLogFilter Filter)[] filters =
        [
            ("none", new AccessLogFilter()),
            ("citizen", new AccessLogFilter(CitizenRef: citizen)),
            ("organization", new AccessLogFilter(OrganizationId: DemoOrganizations.IdOf(OrganizationType.NotaryOrganization))),
            ("organization type", new AccessLogFilter(OrganizationType: OrganizationType.TelecomProvider)),
            ("field with hits", new AccessLogFilter(Field: "Citizen.religion")),
            ("field with no hits", new AccessLogFilter(Field: "Citizen.bloodType")),
            ("decision DENIED", new AccessLogFilter(Decision: FieldOutcome.Denied)),
            ("period: one hour 14 days ago", new AccessLogFilter(From: now.AddDays(-14), To: now.AddDays(-14).AddHours(1))),
            ("organization + field + decision", new AccessLogFilter(OrganizationId: DemoOrganizations.IdOf(OrganizationType.StateAgency), Field: "Address.street", Decision: FieldOutcome.Masked)),
            ("organization + period", new AccessLogFilter(OrganizationId: DemoOrganizations.IdOf(OrganizationType.TelecomProvider), From: now.AddDays(-20), To: now.AddDays(-19))),
        ];
        foreach (var (name, filter) in filters)
        {
            await TimeAsync(connectionString, $"accessLog first 500, {name}", db => new AccessLogReader(db).PageAsync(filter, 500, null, CancellationToken.None));
        }
    }

    private static async Task TimeAsync<T>(string connectionString, string name, Func<AccessLogDbContext, Task<IReadOnlyList<T>>> query)
    {
        var timings = new List<double>();
        var count = 0;
        for (var run = 0; run < 3; run++)
        {
            await using var db = Context(connectionString);
            var stopwatch = Stopwatch.StartNew();
            count = (await query(db)).Count;
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: first {timings[0]:F0} ms, best {timings.Min():F0} ms ({count} rows)"));
    }

    private static AccessLogDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AccessLogDbContext>().UseSqlite(connectionString).Options);

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
