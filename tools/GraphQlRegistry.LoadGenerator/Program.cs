namespace GraphQlRegistry.LoadGenerator;

/// <summary>
/// Usage: <c>dotnet run -c Release --project tools/GraphQlRegistry.LoadGenerator -- &lt;data-dir&gt; [seconds] [connections]</c>
/// drives all three servers with its own HTTP client; <c>-- serve &lt;data-dir&gt; &lt;server&gt; &lt;port&gt;</c> only hosts one
/// of them until stdin closes, for an external load tool (tools/bench/kyc-wrk.sh drives wrk at each in turn).
/// The data directory must hold a seeded registry (<c>registry seed --data &lt;dir&gt; --citizens N</c>).
/// </summary>
public static class LoadGeneratorEntry
{
    public static async Task Main(string[] args)
    {
        if (args.ElementAtOrDefault(0) == "serve")
        {
            var target = Enum.Parse<ServerUnderTest>(args[2]);
            await using var server = await KycLoad.StartAsync(Path.GetFullPath(args[1]), target, int.Parse(args[3]));
            Console.WriteLine($"{target} listening on 127.0.0.1:{args[3]}; close stdin to stop.");
            await Console.In.ReadToEndAsync();
            return;
        }

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
