using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQlRegistry.LoadGenerator.Load;

namespace GraphQlRegistry.LoadGenerator.Reporting;

/// <summary>
/// Writes docs/benchmarks.md from one run's results: the machine, the commands, each scenario's servers (median of the
/// rounds) with ratios to the baselines measured in the same run, and where the targets stand.
/// </summary>
public static class BenchmarkReport
{
    private static readonly string[] ServerOrder = ["B0", "B1", "B2", "shipped", "B0-postgres", "shipped-postgres"];

    public static async Task WriteAsync(string resultsFile, string machineFile, string outFile)
    {
        var results = (await File.ReadAllLinesAsync(resultsFile)).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LoadResult>(l)!).ToList();
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks").AppendLine();
        text.AppendLine("Written by `tools/bench/run.sh` from one run: every figure below was measured in that run, servers interleaved round by round.");
        text.AppendLine("Compare ratios, not absolute figures, across runs: this machine's figures move by ±20% from run to run.").AppendLine();
        text.AppendLine("## Machine and commands").AppendLine().AppendLine("```").Append(await File.ReadAllTextAsync(machineFile)).AppendLine("```").AppendLine();

        var medians = results.GroupBy(RunKey).Select(Median).ToList();
        text.AppendLine("## Results").AppendLine();
        text.AppendLine("Median of the rounds for each server. `× B0` is requests/s relative to B0 in the same scenario; `p50 ÷ B1` is p50 relative to B1's,");
        text.AppendLine("each at the same number of connections. Errors are HTTP failures / responses carrying GraphQL errors.").AppendLine();
        foreach (var scenario in medians.GroupBy(m => m.Scenario).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = scenario.OrderBy(r => r.Connections).ThenBy(r => Array.IndexOf(ServerOrder, r.Server)).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"### {scenario.Key}: {rows[0].Description}").AppendLine();
            text.AppendLine("| server | connections | rounds | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | × B0 | p50 ÷ B1 |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var row in rows)
            {
                var b0 = rows.FirstOrDefault(r => r.Server is "B0" or "B0-postgres" && r.Connections == row.Connections);
                var b1 = rows.FirstOrDefault(r => r.Server == "B1" && r.Connections == row.Connections);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {row.Server} | {row.Connections} | {row.Rounds} | {row.Requests:N0} | {row.RequestsPerSecond:N0} | {row.P50Ms:F2} | {row.P95Ms:F2} | {row.P99Ms:F2} | {row.MaxMs:F1} | {row.HttpErrors}/{row.GraphQLErrors} | {Ratio(row.RequestsPerSecond, b0?.RequestsPerSecond)} | {Ratio(row.P50Ms, b1?.P50Ms)} |");
            }

            text.AppendLine();
        }

        text.AppendLine("## Targets (issue 12)").AppendLine();
        foreach (var line in Targets(medians))
        {
            text.AppendLine(line);
        }

        text.AppendLine().AppendLine("The peer comparison (5× the peer's requests/s, ⅓ of its p99) is measured by `../shared/peer-apollo/side-by-side.sh`, not here.");
        await File.WriteAllTextAsync(outFile, text.ToString());
    }

    /// <summary>Each server's medians in the order first measured, with ratios to the first server's.</summary>
    public static async Task<string> ComparisonAsync(string resultsFile)
    {
        var results = (await File.ReadAllLinesAsync(resultsFile)).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LoadResult>(l)!).ToList();
        var rows = results.GroupBy(RunKey).Select(Median).ToList();
        var first = rows[0];
        var text = new StringBuilder("| server | rounds | req/s | p50 ms | p99 ms | errors | req/s ÷ first | p50 ÷ first | p99 ÷ first |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Server} | {row.Rounds} | {row.RequestsPerSecond:N0} | {row.P50Ms:F2} | {row.P99Ms:F2} | {row.HttpErrors}/{row.GraphQLErrors} | {Ratio(row.RequestsPerSecond, first.RequestsPerSecond)} | {Ratio(row.P50Ms, first.P50Ms)} | {Ratio(row.P99Ms, first.P99Ms)} |");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Targets(List<Summary> medians)
    {
        Summary? Find(string scenario, string server, int? connections = null) =>
            medians.FirstOrDefault(m => m.Scenario == scenario && m.Server == server && (connections is null || m.Connections == connections));
        string Verdict(bool met) => met ? "met" : "NOT met";

        if (Find("S1", "shipped") is { } s1 && Find("S1", "B0") is { } b0 && Find("S1", "B1") is { } b1)
        {
            yield return $"- S1 shipped at least 40% of B0's requests/s: {Ratio(s1.RequestsPerSecond, b0.RequestsPerSecond)} → {Verdict(s1.RequestsPerSecond >= 0.4 * b0.RequestsPerSecond)}.";
            yield return $"- S1 shipped p99 under 15 ms at {s1.Connections} connections: {s1.P99Ms:F1} ms → {Verdict(s1.P99Ms < 15)}.";
            yield return $"- S1 shipped p50 at most 2× B1's: {Ratio(s1.P50Ms, b1.P50Ms)} → {Verdict(s1.P50Ms <= 2 * b1.P50Ms)}.";
        }

        // S2 at each number of pagers measured: one alone (the latency a paging client sees) and several at once.
        foreach (var s2 in medians.Where(m => m.Scenario == "S2" && m.Server == "shipped").OrderBy(m => m.Connections))
        {
            if (Find("S2", "B1", s2.Connections) is { } s2b1)
            {
                yield return $"- S2 shipped p50 at most 1.5× B1's, {Pagers(s2.Connections)}: {Ratio(s2.P50Ms, s2b1.P50Ms)} → {Verdict(s2.P50Ms <= 1.5 * s2b1.P50Ms)}.";
            }
        }

        foreach (var audit in medians.Where(m => m.Scenario.StartsWith("S4 ", StringComparison.Ordinal) && m.Server == "shipped"))
        {
            var limit = audit.Scenario.Contains("accessStats", StringComparison.Ordinal) ? 1000 : 200;
            yield return $"- {audit.Scenario} under {limit} ms: p50 {audit.P50Ms:F0} ms, p99 {audit.P99Ms:F0} ms → {Verdict(audit.P99Ms < limit)}.";
        }
    }

    private static string Pagers(int connections) => connections == 1 ? "one pager" : $"{connections} pagers at once";

    /// <summary>One server's rounds of one scenario at one number of connections.</summary>
    private static (string Scenario, string Server, int Connections) RunKey(LoadResult result) => (result.Scenario, result.Server, result.Connections);

    private static string Ratio(double value, double? baseline) => baseline is > 0 ? (value / baseline.Value).ToString("0.00×", CultureInfo.InvariantCulture) : "–";

    private static Summary Median(IGrouping<(string Scenario, string Server, int Connections), LoadResult> rounds)
    {
        var all = rounds.ToList();
        double Mid(Func<LoadResult, double> value)
        {
            var sorted = all.Select(value).Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        return new Summary(rounds.Key.Scenario, all[0].Description, rounds.Key.Server, rounds.Key.Connections, all.Count, all.Sum(r => r.Requests),
            Mid(r => r.RequestsPerSecond), Mid(r => r.P50Ms), Mid(r => r.P95Ms), Mid(r => r.P99Ms), all.Max(r => r.MaxMs),
            all.Sum(r => r.HttpErrors), all.Sum(r => r.GraphQLErrors));
    }

    private sealed record Summary(string Scenario, string Description, string Server, int Connections, int Rounds, long Requests,
        double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double MaxMs, long HttpErrors, long GraphQLErrors);
}
