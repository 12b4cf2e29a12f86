using System.Text.Json;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>Every response carrying citizen data states the onward-sharing terms, its grant, purpose and logged request id.</summary>
[Collection(SharedServer.Name)]
public sealed class DisclosureTests(RegistryServer server)
{
    [Fact]
    public async Task KycLookup_CarriesTheDisclosureOfItsGrantPurposeAndRequest()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution", purpose: "KYC onboarding"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}");

        var disclosure = reply.Body.GetProperty("extensions").GetProperty("disclosure");
        Assert.Equal("grant-demo-credit-institution", disclosure.GetProperty("grantId").GetString());
        Assert.Equal("KYC onboarding", disclosure.GetProperty("purpose").GetString());
        Assert.Equal(reply.RequestId, disclosure.GetProperty("requestId").GetString());
        Assert.Contains("third party", disclosure.GetProperty("terms").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistenceCheck_CarriesTheDisclosureToo()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ __typename }} }}");

        Assert.Equal(reply.RequestId, reply.Body.GetProperty("extensions").GetProperty("disclosure").GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task ResponseWithoutCitizenData_CarriesNoDisclosure()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), "{ myEntitlements { grantId } }");

        Assert.False(reply.Body.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("disclosure", out _));
    }
}
