using System.Net;

namespace GraphQlRegistry.Api.Tests.AccessLog;

/// <summary>A broken chain is evidence to keep: the server serves on, and reports the break to auditors.</summary>
public sealed class BrokenChainTests : IClassFixture<RegistryServer>
{
    private readonly RegistryServer _server;

    public BrokenChainTests(RegistryServer server) => _server = server;

    [Fact]
    public async Task EditedLog_IsReported_AndTheServerServesOn()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var query = $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}";
        var token = RegistryServer.OrganizationToken("demo-state-agency");
        for (var i = 0; i < 3; i++)
        {
            await _server.QueryAsync(token, query);
        }

        Assert.Equal(1, await _server.ExecuteOnLogAsync("UPDATE \"AccessLogRequests\" SET \"OrganizationId\" = 'someone-else' WHERE \"Start\" = 2"));

        var served = await _server.QueryAsync(token, query);
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal(citizen.FullName, served.Data.GetProperty("citizen").GetProperty("fullName").GetString());

        var verification = await _server.QueryAsync(RegistryServer.AuditorToken(), "{ verifyAccessLog { ok firstBrokenEntry reason } }");
        var result = verification.Data.GetProperty("verifyAccessLog");
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(2, result.GetProperty("firstBrokenEntry").GetInt64());
        Assert.Equal("ContentHashMismatch", result.GetProperty("reason").GetString());
    }
}
