using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Data.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.LoadGenerator;

public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, double? EntriesPerSecond);

/// <summary>Drives KYC lookups over real HTTP (Kestrel on loopback) at one server variant at a time; bounded in time.</summary>
public sealed class KycLoad(string dataDirectory, TimeSpan duration, TimeSpan warmUp, int connections)
{
    private const string KycFields = "personalId fullName dateOfBirth sex nationality placeOfOrigin " +
        "permanentAddress { provinceCode province district commune street } currentAddress { provinceCode province district commune street }";

    public async Task<LoadResult> RunAsync(ServerUnderTest target)
    {
        var port = FreePort();
        var ids = await SampleIdsAsync();
        await using var server = await StartAsync(dataDirectory, target, port);
        var entriesBefore = CountEntries();
        var (requests, latencies, elapsed) = await DriveAsync(target, port, ids);
        var entries = target == ServerUnderTest.GraphQlDurableLog ? (CountEntries() - entriesBefore) / elapsed.TotalSeconds : (double?)null;
        latencies.Sort();
        return new LoadResult(requests / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), entries);
    }

    public static async Task<IAsyncDisposable> StartAsync(string dataDirectory, ServerUnderTest target, int port)
    {
        if (target == ServerUnderTest.RawEfCore)
        {
            return await RawServer.StartAsync(dataDirectory, port);
        }

        var factory = new RegistryFactory(dataDirectory, target == ServerUnderTest.GraphQlNoOpLog);
        factory.UseKestrel(port);
        factory.StartServer();
        return factory;
    }

    private async Task<(long Requests, List<double> Latencies, TimeSpan Elapsed)> DriveAsync(ServerUnderTest target, int port, string[] ids)
    {
        var settings = RegistrySettings.Resolve(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Registry:DataDirectory"] = dataDirectory }).Build(), true);
        var token = DevelopmentTokens.Mint(settings.JwtSigningKey, settings.Options.Jwt.Issuer, settings.Options.Jwt.Audience,
            new Dictionary<string, object> { ["sub"] = "load", ["org_id"] = "demo-credit-institution", ["channel"] = "NATIONAL_PORTAL", ["purpose"] = "KYC" }, TimeSpan.FromHours(1));
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var measuring = false;
        long requests = 0;
        var perWorker = Enumerable.Range(0, connections).Select(_ => new List<double>()).ToArray();
        using var stop = new CancellationTokenSource(warmUp + duration);
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                var id = ids[random.Next(ids.Length)];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync(target == ServerUnderTest.RawEfCore ? "/raw" : "/graphql", Body(target, id), stop.Token);
                    await response.Content.ReadAsByteArrayAsync(stop.Token);
                    response.EnsureSuccessStatusCode();
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (Volatile.Read(ref measuring))
                {
                    perWorker[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref requests);
                }
            }
        })).ToArray();

        await Task.Delay(warmUp);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers);
        return (requests, perWorker.SelectMany(l => l).ToList(), clock.Elapsed);
    }

    private static StringContent Body(ServerUnderTest target, string id) => target == ServerUnderTest.RawEfCore
        ? new StringContent($"{{\"personalId\":\"{id}\"}}", Encoding.UTF8, "application/json")
        : new StringContent($"{{\"query\":\"query Kyc($id: ID!) {{ citizen(personalId: $id) {{ {KycFields} }} }}\",\"variables\":{{\"id\":\"{id}\"}}}}", Encoding.UTF8, "application/json");

    private async Task<string[]> SampleIdsAsync()
    {
        await using var db = new RegistryDbContext(new DbContextOptionsBuilder<RegistryDbContext>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "registry.db")}").Options);
        return await db.Citizens.OrderBy(c => c.PersonalId).Select(c => c.PersonalId).Take(20_000).ToArrayAsync();
    }

    private long CountEntries()
    {
        var file = Path.Combine(dataDirectory, "access-log.db");
        if (!File.Exists(file))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(\"Sequence\"), 0) FROM \"AccessLogEntries\"";
        return (long)command.ExecuteScalar()!;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The real host; with <c>dropLog</c> its access log is a sink that drops records, for comparison only.</summary>
    private sealed class RegistryFactory(string dataDirectory, bool dropLog) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "GraphQlRegistry.Api"));
            builder.UseEnvironment("Development");
            builder.UseSetting("Registry:DataDirectory", dataDirectory);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Capacity, not policy, is measured: one benchmark caller must not meet the per-caller rate limit.
            builder.UseSetting("Registry:Limits:RequestsPerSecondPerCaller", "1000000");
            if (dropLog)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<IAccessLogSink, DroppingSink>());
            }
        }
    }

    private sealed class DroppingSink : IAccessLogSink
    {
        public Task AppendAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
