using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace GraphQlRegistry.Api.Tests.Http;

public sealed class RateLimitTests : IClassFixture<RateLimitTests.StingyServer>
{
    private readonly StingyServer _server;

    public RateLimitTests(StingyServer server) => _server = server;

    [Fact]
    public async Task CallerOverItsBudget_Gets429RateLimited_WhileAnotherCallerIsServed()
    {
        var bank = RegistryServer.OrganizationToken("demo-credit-institution");
        // Concurrent, so the budget of 3 a second is overrun however slowly a loaded machine answers.
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _server.QueryAsync(bank, "{ myEntitlements { grantId } }")));

        var limited = replies.First(r => r.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal("RATE_LIMITED", Assert.Single(limited.Errors).Code);
        Assert.False(limited.HasData);

        var other = await _server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), "{ myEntitlements { grantId } }");
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    public sealed class StingyServer : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:Limits:RequestsPerSecondPerCaller", "3");
    }
}
