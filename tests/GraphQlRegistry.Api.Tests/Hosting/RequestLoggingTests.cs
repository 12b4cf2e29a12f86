using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>One structured line per request, with request id, organisation, status and duration, and no query string or personal id.</summary>
public sealed class RequestLoggingTests : IClassFixture<RequestLoggingTests.LoggedServer>
{
    private const int RequestLineEvent = 3001;
    private readonly LoggedServer _server;

    public RequestLoggingTests(LoggedServer server) => _server = server;

    [Fact]
    public async Task GetWithPersonalIdInQueryString_LogsOneLineWithoutIt()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-credit-institution"));
        var query = Uri.EscapeDataString($"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}");
        var response = await client.GetAsync($"/graphql?query={query}");
        var requestId = response.Headers.GetValues("X-Request-Id").Single();

        var line = await _server.RequestLineAsync(requestId);
        Assert.Single(_server.Logs.Lines, l => l.EventId == RequestLineEvent && l.Values["RequestId"] == requestId);
        Assert.Equal("demo-credit-institution", line.Values["OrganizationId"]);
        Assert.Equal("200", line.Values["Status"]);
        Assert.Equal("/graphql", line.Values["Route"]);
        Assert.True(double.Parse(line.Values["DurationMs"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.DoesNotContain(_server.Logs.Lines, l => l.Text.Contains(citizen.PersonalId) || l.Text.Contains(citizen.FullName!) || l.Text.Contains("query="));
    }

    [Fact]
    public async Task CitizenCaller_IsNotNamedInTheRequestLine()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var reply = await _server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), "{ me { fullName } }");

        var line = await _server.RequestLineAsync(reply.RequestId);
        Assert.Equal("-", line.Values["OrganizationId"]);
        Assert.DoesNotContain(_server.Logs.Lines, l => l.Text.Contains(citizen.PersonalId));
    }

    [Fact]
    public async Task UnmatchedPath_IsLoggedByItsRouteNotItsText()
    {
        await _server.CreateClient().GetAsync("/citizens/012345678901");
        await _server.RequestLineAsync(l => l.Values["Route"] == "unmatched" && l.Values["Status"] == "404");
        Assert.DoesNotContain(_server.Logs.Lines, l => l.Text.Contains("012345678901"));
    }

    public sealed class LoggedServer : RegistryServer
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureOverrides(IWebHostBuilder builder) =>
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));

        public Task<CapturedLine> RequestLineAsync(string? requestId) => RequestLineAsync(l => l.Values["RequestId"] == requestId);

        /// <summary>The first request line that matches: written off the request's thread, it may follow the response by an interval.</summary>
        public async Task<CapturedLine> RequestLineAsync(Func<CapturedLine, bool> match) =>
            await Eventually.ReadAsync(() => Logs.Lines.FirstOrDefault(l => l.EventId == RequestLineEvent && match(l)), line => line is not null)
            ?? throw new Xunit.Sdk.XunitException("no such request line within 10 s");
    }
}
