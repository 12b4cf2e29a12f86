namespace GraphQlRegistry.LoadGenerator.Load;

/// <summary>One scenario against one server, as written to the results file (one JSON object per line).</summary>
public sealed record LoadResult(
    string Scenario,
    string Description,
    string Server,
    int Round,
    int Connections,
    double WarmUpSeconds,
    double DurationSeconds,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long HttpErrors,
    long GraphQLErrors,
    DateTimeOffset FinishedAt)
{
    public static LoadResult From(Scenario scenario, string server, LoadShape shape, TimeSpan elapsed, IReadOnlyList<WorkerTally> tallies)
    {
        var latencies = tallies.SelectMany(t => t.LatenciesMs).Order().ToArray();
        double At(double p) => latencies.Length == 0 ? 0 : latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
        return new LoadResult(scenario.Name, scenario.Description, server, 0, shape.Connections, shape.WarmUp.TotalSeconds, elapsed.TotalSeconds,
            latencies.Length, latencies.Length / elapsed.TotalSeconds, At(0.50), At(0.95), At(0.99), latencies.Length == 0 ? 0 : latencies[^1],
            tallies.Sum(t => t.HttpErrors), tallies.Sum(t => t.GraphQLErrors), DateTimeOffset.UtcNow);
    }
}
