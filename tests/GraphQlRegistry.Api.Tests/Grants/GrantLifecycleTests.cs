using System.Net;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Grants;

/// <summary>Issuing and revoking grants changes state, so this class has a server of its own.</summary>
public sealed class GrantLifecycleTests : IClassFixture<RegistryServer>
{
    private const string Issue = """
        mutation($input: IssueGrantInput!) { issueGrant(input: $input) { id authority authorityUnitCode fields scopeUnitCode } }
        """;

    private readonly RegistryServer _server;

    public GrantLifecycleTests(RegistryServer server) => _server = server;

    [Fact]
    public async Task IncompetentAuthority_IsRefusedAndNothingIsWritten()
    {
        var before = await _server.RegistryAsync(db => db.Grants.CountAsync());
        var reply = await _server.QueryAsync(RegistryServer.OfficerToken("NPD_AGENCY_HEAD", null), Issue, new
        {
            input = new { organizationId = "demo-credit-institution", validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.fullName" } },
        });
        Assert.Equal(("AUTHORITY_NOT_COMPETENT", "issueGrant"), Assert.Single(reply.Errors));
        Assert.Equal(before, await _server.RegistryAsync(db => db.Grants.CountAsync()));
    }

    [Fact]
    public async Task DistrictChiefOfAnotherDistrict_IsNotCompetentForABankHeadquarteredElsewhere()
    {
        var reply = await _server.QueryAsync(RegistryServer.OfficerToken("DISTRICT_POLICE_CHIEF", "07901"), Issue, new
        {
            input = new { organizationId = "demo-credit-institution", validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.fullName" } },
        });
        Assert.Equal("AUTHORITY_NOT_COMPETENT", Assert.Single(reply.Errors).Code);
    }

    [Theory]
    [InlineData("DISTRICT_POLICE_CHIEF", "001", "demo-credit-institution")]
    [InlineData("PROVINCIAL_POLICE_DIRECTOR", "00101", "demo-notary-organization")]
    [InlineData("DISTRICT_POLICE_CHIEF", "0010101", "demo-credit-institution")]
    public async Task OfficerNamingAUnitOfAnotherLevel_IsNotCompetent(string authority, string unit, string organizationId)
    {
        var reply = await _server.QueryAsync(RegistryServer.OfficerToken(authority, unit), Issue, new
        {
            input = new { organizationId, validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.fullName" } },
        });
        Assert.Equal(("AUTHORITY_NOT_COMPETENT", "issueGrant"), Assert.Single(reply.Errors));
    }

    [Fact]
    public async Task CommuneChiefNamingADistrict_IsNotCompetentForItsCitizens()
    {
        var citizen = await _server.RegistryAsync(db => db.Citizens.Where(c => c.PermanentCommuneCode != null).FirstAsync());
        var district = await _server.RegistryAsync(db => db.AdministrativeUnits.Where(u => u.Code == citizen.PermanentCommuneCode).Select(u => u.ParentCode).FirstAsync());
        var reply = await _server.QueryAsync(RegistryServer.OfficerToken("COMMUNE_POLICE_CHIEF", district), Issue, new
        {
            input = new { citizenPersonalId = citizen.PersonalId, validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.fullName" } },
        });
        Assert.Equal(("AUTHORITY_NOT_COMPETENT", "issueGrant"), Assert.Single(reply.Errors));
    }

    [Fact]
    public async Task UnknownGrantee_GetsTheAnswerOfOneOutsideTheUnit()
    {
        var outside = await _server.RegistryAsync(db => db.Citizens.Where(c => c.PermanentCommuneCode != "0010101" && c.CurrentCommuneCode != "0010101").Select(c => c.PersonalId).FirstAsync());
        var officer = RegistryServer.OfficerToken("COMMUNE_POLICE_CHIEF", "0010101");
        object Input(string id) => new { input = new { citizenPersonalId = id, validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.fullName" } } };

        var existing = await _server.QueryAsync(officer, Issue, Input(outside));
        var unknown = await _server.QueryAsync(officer, Issue, Input("099999999999"));
        Assert.Equal(("AUTHORITY_NOT_COMPETENT", "issueGrant"), Assert.Single(existing.Errors));
        Assert.Equal(existing.Errors, unknown.Errors);
        Assert.Equal(existing.Body.GetProperty("errors")[0].GetProperty("message").GetString(), unknown.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task UnknownOrganization_IsNotCompetent()
    {
        var reply = await _server.QueryAsync(RegistryServer.OfficerToken("DISTRICT_POLICE_CHIEF", "00101"), Issue, new
        {
            input = new { organizationId = "no-such-organization", validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.fullName" } },
        });
        Assert.Equal(("AUTHORITY_NOT_COMPETENT", "issueGrant"), Assert.Single(reply.Errors));
    }

    [Fact]
    public async Task GrantForAFieldTheTypeMayNeverRead_IsInvalid()
    {
        var reply = await _server.QueryAsync(RegistryServer.OfficerToken("DISTRICT_POLICE_CHIEF", "00101"), Issue, new
        {
            input = new { organizationId = "demo-other-organization", validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.religion" } },
        });
        Assert.Equal("INVALID_ARGUMENT", Assert.Single(reply.Errors).Code);
    }

    [Fact]
    public async Task Revocation_BitesOnTheNextRequest_AndOnlyTheIssuerMayRevoke()
    {
        var token = RegistryServer.OrganizationToken("demo-telecom-provider");
        Assert.Equal(HttpStatusCode.OK, (await _server.QueryAsync(token, "{ myEntitlements { grantId } }")).Status);

        const string revoke = "mutation { revokeGrant(id: \"grant-demo-telecom-provider\", reason: \"audit finding\") { revokedAt } }";
        var stranger = await _server.QueryAsync(RegistryServer.OfficerToken("DISTRICT_POLICE_CHIEF", "07901"), revoke);
        Assert.Equal("NOT_ISSUING_AUTHORITY", Assert.Single(stranger.Errors).Code);

        var revoked = await _server.QueryAsync(RegistryServer.OfficerToken("DISTRICT_POLICE_CHIEF", "00101"), revoke);
        Assert.Empty(revoked.Errors);

        var after = await _server.QueryAsync(token, "{ myEntitlements { grantId } }");
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
        Assert.Equal("NO_VALID_GRANT", Assert.Single(after.Errors).Code);
    }

    [Fact]
    public async Task CompetentGrant_IsUsableAtOnce()
    {
        var reply = await _server.QueryAsync(RegistryServer.OfficerToken("DISTRICT_POLICE_CHIEF", "00101"), Issue, new
        {
            input = new { organizationId = "demo-revoked", validFrom = "2025-01-01T00:00:00Z", validTo = "2099-01-01T00:00:00Z", fields = new[] { "Citizen.fullName", "Citizen.sex" }, scopeUnitCode = "001" },
        });
        Assert.Empty(reply.Errors);
        var grantId = reply.Data.GetProperty("issueGrant").GetProperty("id").GetString();

        var entitlements = await _server.QueryAsync(RegistryServer.OrganizationToken("demo-revoked"), "{ myEntitlements { grantId scopeUnitCode fields { coordinate } } }");
        Assert.Equal(grantId, entitlements.Data.GetProperty("myEntitlements").GetProperty("grantId").GetString());
        Assert.Equal(2, entitlements.Data.GetProperty("myEntitlements").GetProperty("fields").GetArrayLength());
    }
}
