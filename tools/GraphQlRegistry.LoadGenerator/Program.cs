namespace GraphQlRegistry.LoadGenerator;

/// <summary>
/// Usage: <c>dotnet run -c Release --project tools/GraphQlRegistry.LoadGenerator -- &lt;data-dir&gt; [seconds] [connections]</c>.
/// The data directory must hold a seeded registry (<c>registry seed --data &lt;dir&gt; --citizens N</c>).
/// </summary>
public static class LoadGeneratorEntry
{
    public static async Task Main(string[] args)
    {
        var dataDirectory = Path.GetFullPath(args.ElementAtOrDefault(0) ?? "src/GraphQlRegistry.Api/data");
        var seconds = int.Parse(args.ElementAtOrDefault(1) ?? "20");
        var connections = int.Parse(args.ElementAtOrDefault(2) ?? "32");
        var runner = new KycLoad(dataDirectory, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(5), connections);

        Console.WriteLine($"KYC lookup (credit institution, 8 fields, 18 log entries), {connections} connections, {seconds} s after 5 s warm-up, data {dataDirectory}");
        Console.WriteLine($"{"server",-20} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"entries/s",10}");
        foreach (var target in Enum.GetValues<ServerUnderTest>())
        {
            var result = await runner.RunAsync(target);
            Console.WriteLine($"{target,-20} {result.RequestsPerSecond,9:N0} {result.P50Ms,8:F2} {result.P99Ms,8:F2} {(result.EntriesPerSecond is { } e ? e.ToString("N0") : "-"),10}");
        }
    }
}
