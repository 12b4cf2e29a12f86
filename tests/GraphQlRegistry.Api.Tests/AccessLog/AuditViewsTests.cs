using System.Net;

namespace GraphQlRegistry.Api.Tests.AccessLog;

[Collection(SharedServer.Name)]
public sealed class AuditViewsTests(RegistryServer server)
{
    [Fact]
    public async Task Auditor_FindsABanksReadsOfACitizenByPersonalId()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var read = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName religion }} }}");
        var reply = await server.QueryAsync(RegistryServer.AuditorToken(),
            "query($id: ID) { accessLog(where: { personalId: $id, organizationId: \"demo-credit-institution\", field: \"Citizen.religion\" }, first: 50) { nodes { requestId decision field } } }",
            new { id = citizen.PersonalId });
        var entries = reply.Data.GetProperty("accessLog").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("requestId").GetString() == read.RequestId && e.GetProperty("decision").GetString() == "DENIED");
        Assert.All(entries, e => Assert.Equal("Citizen.religion", e.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Auditor_GetsStatsAndAVerifiedChain_AndIsLoggedDoingSo()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        await server.QueryAsync(RegistryServer.OrganizationToken("demo-telecom-provider"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}");
        var reply = await server.QueryAsync(RegistryServer.AuditorToken(),
            "{ accessStats(groupBy: [ORGANIZATION_TYPE, DECISION]) { organizationType decision count } verifyAccessLog { ok entriesChecked firstBrokenEntry reason } }");
        Assert.True(reply.Errors.Count == 0 && reply.Data.GetProperty("verifyAccessLog").GetProperty("ok").GetBoolean(), reply.Body.GetRawText());
        Assert.NotEmpty(reply.Data.GetProperty("accessStats").EnumerateArray());

        var again = await server.QueryAsync(RegistryServer.AuditorToken(), "{ accessLog(where: { field: \"Query.verifyAccessLog\" }) { nodes { subject } } }");
        Assert.Contains(again.Data.GetProperty("accessLog").GetProperty("nodes").EnumerateArray(), e => e.GetProperty("subject").GetString() == "auditor-1");
    }

    [Fact]
    public async Task NonAuditor_CannotReadTheLog()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), "{ verifyAccessLog { ok } }");
        Assert.Contains(reply.Errors, e => e.Code == "QUERY_NOT_PERMITTED");
    }

    [Fact]
    public async Task Citizen_SeesWhichOrganisationReadWhichField()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var read = await server.QueryAsync(RegistryServer.OrganizationToken("demo-notary-organization", purpose: "Deed of sale"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ maritalStatus }} }}");
        Assert.True(read.Status == HttpStatusCode.OK && read.Errors.Count == 0, read.Body.GetRawText());
        var reply = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), "{ myAccessHistory(first: 100) { nodes { organizationName organizationType field decision purpose } } }");
        Assert.True(reply.Status == HttpStatusCode.OK && reply.Errors.Count == 0, reply.Body.GetRawText());
        Assert.Contains(reply.Data.GetProperty("myAccessHistory").GetProperty("nodes").EnumerateArray(), e =>
            e.GetProperty("organizationName").GetString() == "Demo notary organization"
            && e.GetProperty("field").GetString() == "Citizen.maritalStatus"
            && e.GetProperty("decision").GetString() == "REVEALED"
            && e.GetProperty("purpose").GetString() == "Deed of sale");
    }
}
