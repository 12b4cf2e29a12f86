using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Grants;

/// <summary>
/// myEntitlements shows the grant in full, as stored: an integrator needs the issuing unit to ask for a renewal, and
/// an officer to revoke; validity, scope and purpose say what the grant allows and until when.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class MyEntitlementsTests(RegistryServer server)
{
    private const string Query = "{ myEntitlements { organizationId organizationType channel grantId grantedBy grantedByUnitCode " +
        "validFrom validTo scopeUnitCode purpose fields { coordinate mask } } }";

    [Theory]
    [InlineData("demo-credit-institution")]
    [InlineData("demo-provincial-agency")]
    [InlineData("demo-notary-organization")]
    public async Task MyEntitlements_ShowsTheStoredGrantInFull(string organizationId)
    {
        var grant = await server.RegistryAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == "grant-" + organizationId));

        var reply = await server.QueryAsync(RegistryServer.OrganizationToken(organizationId), Query);

        Assert.True(reply.Errors.Count == 0, reply.Body.GetRawText());
        var entitlements = reply.Data.GetProperty("myEntitlements");
        Assert.Equal(grant.Id, entitlements.GetProperty("grantId").GetString());
        Assert.Equal(grant.AuthorityUnitCode, entitlements.GetProperty("grantedByUnitCode").GetString());
        Assert.Equal(grant.ValidFrom, entitlements.GetProperty("validFrom").GetDateTimeOffset());
        Assert.Equal(grant.ValidTo, entitlements.GetProperty("validTo").GetDateTimeOffset());
        Assert.Equal(grant.ScopeUnitCode, entitlements.GetProperty("scopeUnitCode").GetString());
        Assert.Equal(grant.Purpose, entitlements.GetProperty("purpose").GetString());
        Assert.NotNull(grant.AuthorityUnitCode);
    }

    [Fact]
    public async Task ProvincialAgency_SeesTheProvinceItsGrantIsScopedTo()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-provincial-agency"), Query);
        Assert.Equal("001", reply.Data.GetProperty("myEntitlements").GetProperty("scopeUnitCode").GetString());
    }

    [Fact]
    public async Task Bank_SeesItsFieldsWithMasks_AndNoSensitiveField()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), Query);
        var fields = reply.Data.GetProperty("myEntitlements").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("coordinate").GetString()!, f => f.GetProperty("mask").GetString());
        Assert.Equal("PARTIAL", fields["Citizen.currentAddress"]);
        Assert.Equal("NONE", fields["Citizen.fullName"]);
        Assert.DoesNotContain("Citizen.religion", fields.Keys);
        Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty("myEntitlements").GetProperty("scopeUnitCode").ValueKind);
    }
}
