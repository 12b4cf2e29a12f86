extern alias cli;

using System.Runtime.InteropServices;
using System.Text.Json;
using GraphQlRegistry.Api.Hosting;
using cli::GraphQlRegistry.Cli.Commands.Audit;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.LoadGenerator.Hosts;
using GraphQlRegistry.LoadGenerator.Load;
using GraphQlRegistry.LoadGenerator.Reporting;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.LoadGenerator;

/// <summary>
/// The benchmark host and load generator behind <c>tools/bench/run.sh</c>. Settings come from the server's own
/// environment variables (<c>Registry__DataDirectory</c>, <c>Registry__Jwt__SigningKey</c>, ...), so every server and
/// the client agree on the data, the provider and the keys.
/// <list type="bullet">
/// <item><c>serve B0|B1|B2 --port P</c>: hosts one baseline on 127.0.0.1 until SIGTERM.</item>
/// <item><c>drive --url U --server NAME --scenario S1|S2|S3|S4|S5 [--connections 32] [--warmup 5] [--duration 20] [--round 1]
/// [--log-citizens N] --out results.jsonl</c>: drives one server, appends one JSON line per scenario.</item>
/// <item><c>report --results results.jsonl --machine machine.txt --out docs/benchmarks.md</c>: writes the report.</item>
/// <item><c>table --results results.jsonl</c>: medians per server, with ratios to the first (tools/bench/compare.sh).</item>
/// </list>
/// </summary>
public static class LoadGeneratorEntry
{
    public static async Task<int> Main(string[] args)
    {
        var options = CommandLine.Parse(args.Skip(1));
        switch (args.ElementAtOrDefault(0))
        {
            case "serve":
                await ServeAsync(Enum.Parse<BaselineHost>(args[1]), options.Int("port", 0));
                return 0;
            case "drive":
                await DriveAsync(options);
                return 0;
            case "table":
                Console.Write(await BenchmarkReport.ComparisonAsync(options.Text("results")));
                return 0;
            case "report":
                await BenchmarkReport.WriteAsync(options.Text("results"), options.Text("machine"), options.Text("out"));
                return 0;
            default:
                Console.Error.WriteLine("usage: serve B0|B1|B2 --port P | drive --url U --server NAME --scenario S1|S2|S3|S4 --out FILE | report --results FILE --machine FILE --out FILE");
                return 2;
        }
    }

    private static RegistrySettings Settings() => RegistrySettings.Resolve(new ConfigurationBuilder().AddEnvironmentVariables().Build(), isDevelopment: false);

    private static async Task ServeAsync(BaselineHost host, int port)
    {
        var stopped = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stopped.TrySetResult(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stopped.TrySetResult(); });
        await using var server = await BaselineHosts.StartAsync(host, Settings(), port);
        Console.WriteLine($"{host} listening on 127.0.0.1:{port}");
        await stopped.Task;
    }

    private static async Task DriveAsync(CommandLine options)
    {
        var settings = Settings();
        var scenario = options.Text("scenario");
        var shape = new LoadShape(options.Int("connections", 32), TimeSpan.FromSeconds(options.Double("warmup", 5)), TimeSpan.FromSeconds(options.Double("duration", 20)),
            TimeSpan.FromSeconds(options.Double("timeout", 120)));
        var ids = scenario == "S4" ? [] : await PersonalIdsAsync(settings);
        var scenarios = new Scenarios(settings, ids);
        var logCitizens = options.Int("log-citizens", 1_000_000);
        IReadOnlyList<Scenario> runs = scenario switch
        {
            "S1" => [scenarios.Kyc()],
            "S2" => [scenarios.Pages()],
            "S3" => [scenarios.OwnRecord()],
            "S5" => [scenarios.Kyc() with { Name = "S5", Description = "the KYC lookup of S1 on PostgreSQL (registry and log)" }],
            "S4" => scenarios.Audit(random => GenerateCommand.PersonalIdOf(random.Next(logCitizens))),
            _ => throw new ArgumentException($"Unknown scenario {scenario}."),
        };

        var driver = new LoadDriver(new Uri(options.Text("url")), shape);
        await using var results = File.AppendText(options.Text("out"));
        foreach (var run in runs)
        {
            var result = await driver.RunAsync(run, options.Text("server")) with { Round = options.Int("round", 1) };
            Console.WriteLine($"{result.Scenario,-42} {result.Server,-16} {result.RequestsPerSecond,10:N1} req/s  p50 {result.P50Ms,8:F2}  p95 {result.P95Ms,8:F2}  p99 {result.P99Ms,8:F2} ms  errors {result.HttpErrors}/{result.GraphQLErrors}");
            await results.WriteLineAsync(JsonSerializer.Serialize(result));
        }
    }

    /// <summary>Every personal id in the registry: requests draw from all of them, never from a favourable few.</summary>
    private static async Task<string[]> PersonalIdsAsync(RegistrySettings settings)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryProvider(settings.Provider, settings.RegistryConnectionString);
        await using var db = new RegistryDbContext(options.Options);
        return await db.Citizens.AsNoTracking().Select(c => c.PersonalId).ToArrayAsync();
    }
}

/// <summary><c>--name value</c> pairs.</summary>
public sealed class CommandLine(IReadOnlyDictionary<string, string> values)
{
    public static CommandLine Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                values[name] = "true";
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
        }

        return new CommandLine(values);
    }

    public string Text(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => values.TryGetValue(name, out var value) ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
