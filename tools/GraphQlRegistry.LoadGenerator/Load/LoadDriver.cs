using System.Diagnostics;
using System.Net.Http.Headers;

namespace GraphQlRegistry.LoadGenerator.Load;

/// <summary>How hard and how long to drive one server.</summary>
public sealed record LoadShape(int Connections, TimeSpan WarmUp, TimeSpan Duration, TimeSpan RequestTimeout);

/// <summary>
/// Closed-loop load over real HTTP: N workers on N keep-alive connections, each sending its next request as soon as
/// the previous answer is read. The warm-up lasts its time and at least one answered request per worker (the first
/// auditor query may bring a rollup up to date); then each worker starts requests until the duration ends and
/// finishes the one in flight. A request counts when it started inside the measured window; latency is from
/// sending to the last byte read.
/// </summary>
public sealed class LoadDriver(Uri server, LoadShape shape)
{
    public async Task<LoadResult> RunAsync(Scenario scenario, string serverName)
    {
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = shape.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            EnableMultipleHttp2Connections = false,
        }) { BaseAddress = server, Timeout = shape.RequestTimeout };

        var warmedUp = new CountdownEvent(shape.Connections);
        var warmUpEnds = Stopwatch.GetTimestamp() + (long)(shape.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var measuring = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, shape.Connections)
            .Select(w => Task.Run(() => WorkAsync(client, scenario, new Random(w * 7919 + 1), warmUpEnds, warmedUp, measuring.Task)))
            .ToArray();

        await Task.Run(warmedUp.Wait);
        var start = Stopwatch.GetTimestamp();
        measuring.SetResult(start + (long)(shape.Duration.TotalSeconds * Stopwatch.Frequency));
        var tallies = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return LoadResult.From(scenario, serverName, shape, elapsed, tallies);
    }

    private static async Task<WorkerTally> WorkAsync(HttpClient client, Scenario scenario, Random random, long warmUpEnds, CountdownEvent warmedUp, Task<long> measuring)
    {
        var tally = new WorkerTally();
        var signalled = false;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var inWindow = measuring.IsCompleted;
            if (inWindow && started >= measuring.Result)
            {
                break;
            }

            var outcome = await SendAsync(client, scenario.Next(random));
            if (inWindow)
            {
                tally.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome);
            }
            else if (!signalled && Stopwatch.GetTimestamp() >= warmUpEnds)
            {
                signalled = true;
                warmedUp.Signal();
                await measuring;
            }
        }

        return tally;
    }

    private static async Task<Outcome> SendAsync(HttpClient client, LoadRequest request)
    {
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(request.Body) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            return !response.IsSuccessStatusCode ? Outcome.HttpError : HasErrors(body) ? Outcome.GraphQLErrors : Outcome.Ok;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return Outcome.HttpError;
        }
    }

    /// <summary>Whether the response carries an <c>errors</c> key (the KYC answer has none: its masked address is not an error).</summary>
    private static bool HasErrors(byte[] body) => body.AsSpan().IndexOf("\"errors\":"u8) >= 0;
}

public enum Outcome
{
    Ok,
    GraphQLErrors,
    HttpError,
}

/// <summary>One worker's latencies and outcomes; workers do not share one, so no lock is needed.</summary>
public sealed class WorkerTally
{
    public List<double> LatenciesMs { get; } = [];

    public int GraphQLErrors { get; private set; }

    public int HttpErrors { get; private set; }

    public void Add(double latencyMs, Outcome outcome)
    {
        LatenciesMs.Add(latencyMs);
        switch (outcome)
        {
            case Outcome.Ok:
                break;
            case Outcome.GraphQLErrors:
                GraphQLErrors++;
                break;
            case Outcome.HttpError:
                HttpErrors++;
                break;
        }
    }
}
