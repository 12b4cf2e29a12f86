using System.Diagnostics;
using System.Net;
using GraphQlRegistry.Api.Tests.Execution.Limits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GraphQlRegistry.Api.Tests.Http;

/// <summary>
/// Issue 8's acceptance: a bounded flood of hostile documents over loopback (Kestrel on 127.0.0.1) is held by the
/// limits and the rate limiter, and a well-behaved caller is served throughout.
/// </summary>
public sealed class FloodTests(FloodTests.LoopbackServer server, ITestOutputHelper output) : IClassFixture<FloodTests.LoopbackServer>
{
    private const int AttacksPerConnection = 1_000;
    private const int AttackConcurrency = 8;
    private const int Lookups = 16;

    // The well-behaved caller keeps within its budget: 4 lookups a second.
    private static readonly TimeSpan LookupPace = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task FragmentBombFlood_IsRefused_WhileAWellBehavedCallerIsServed()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var citizen = await server.RegistryAsync(db => db.Citizens.Select(c => c.PersonalId).FirstAsync());
        var attacker = RegistryServer.OrganizationToken("demo-credit-institution");
        var bomb = DocumentLimitsTests.FragmentBomb(30);
        var wellBehaved = RegistryServer.OrganizationToken("demo-state-agency");
        var lookup = $"{{ citizen(personalId: \"{citizen}\") {{ fullName dateOfBirth }} }}";
        Assert.Equal(HttpStatusCode.OK, (await server.QueryAsync(wellBehaved, lookup)).Status);

        // The flood runs until the well-behaved caller is done, at most AttacksPerConnection requests per connection.
        using var lookupsDone = new CancellationTokenSource();
        var flood = Task.WhenAll(Enumerable.Range(0, AttackConcurrency).Select(async _ =>
        {
            var statuses = new List<(HttpStatusCode Status, string Code, bool HasData)>();
            for (var i = 0; i < AttacksPerConnection && !lookupsDone.IsCancellationRequested && !deadline.IsCancellationRequested; i++)
            {
                var reply = await server.QueryAsync(attacker, bomb);
                statuses.Add((reply.Status, reply.Errors.FirstOrDefault().Code, reply.HasData));
            }

            return statuses;
        }));

        var latencies = new List<double>();
        for (var i = 0; i < Lookups; i++)
        {
            await Task.Delay(LookupPace);
            var clock = Stopwatch.StartNew();
            var reply = await server.QueryAsync(wellBehaved, lookup);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            Assert.True(reply.Status == HttpStatusCode.OK, $"lookup {i}: {(int)reply.Status} {reply.Body.GetRawText()}");
            Assert.Empty(reply.Errors);
            Assert.NotNull(reply.Data.GetProperty("citizen").GetProperty("fullName").GetString());
        }

        await lookupsDone.CancelAsync();
        var attacks = (await flood).SelectMany(s => s).ToList();
        Assert.False(deadline.IsCancellationRequested);
        Assert.All(attacks, a =>
        {
            Assert.False(a.HasData);
            Assert.True((a.Status, a.Code) is (HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX") or (HttpStatusCode.TooManyRequests, "RATE_LIMITED"), $"{a.Status} {a.Code}");
        });
        Assert.Contains(attacks, a => a.Status == HttpStatusCode.TooManyRequests);
        Assert.Contains(attacks, a => a.Status == HttpStatusCode.BadRequest);

        latencies.Sort();
        output.WriteLine($"{attacks.Count} attacks: {attacks.Count(a => a.Status == HttpStatusCode.BadRequest)} bombs refused as too complex, "
            + $"{attacks.Count(a => a.Status == HttpStatusCode.TooManyRequests)} rate limited; well-behaved lookups: "
            + $"median {latencies[Lookups / 2]:F1} ms, max {latencies[^1]:F1} ms");
    }

    /// <summary>A budget of 5 requests a second: however slowly a loaded machine serves the flood, 8 connections overrun it.</summary>
    public sealed class LoopbackServer : RegistryServer
    {
        public LoopbackServer()
        {
            // Port 0: the system picks a free port, so no other socket on the machine can take it first.
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
        }

        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:Limits:RequestsPerSecondPerCaller", "5");
    }
}
