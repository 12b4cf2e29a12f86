using System.Net;

namespace GraphQlRegistry.Api.Tests.Postgres;

/// <summary>Flags on the production provider: appended to their own table and shown to auditors with the entries.</summary>
public sealed class PostgresFlagTests(PostgresRegistryTests.PostgresServer server) : IClassFixture<PostgresRegistryTests.PostgresServer>
{
    [Fact]
    public async Task Citizen_FlagsABanksRead_AndAuditorSeesIt()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var read = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}");
        Assert.Equal(HttpStatusCode.OK, read.Status);

        var flag = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId),
            "mutation($id: ID!) { flagAccess(requestId: $id, kind: NOT_REQUESTED, reason: \"not me\") { kind } }", new { id = read.RequestId });
        var log = await server.QueryAsync(RegistryServer.AuditorToken(),
            "query($id: ID) { accessLog(where: { personalId: $id, organizationId: \"demo-credit-institution\" }) { nodes { requestId flags { kind reason } } } }", new { id = citizen.PersonalId });

        Assert.Empty(flag.Errors);
        var entry = Assert.Single(log.Data.GetProperty("accessLog").GetProperty("nodes").EnumerateArray(), e => e.GetProperty("requestId").GetString() == read.RequestId);
        Assert.Equal("not me", Assert.Single(entry.GetProperty("flags").EnumerateArray()).GetProperty("reason").GetString());
    }
}
