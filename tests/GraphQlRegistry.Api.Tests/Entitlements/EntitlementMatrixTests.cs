using System.Text.Json;
using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Tests.Entitlements;

/// <summary>
/// Every organisation type × every citizen field, against the demo organisations, generated from the SPEC §3 matrix
/// as written there (N clear, P partial, . denied). The oracle is the SPEC's table, not the server's own rules.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class EntitlementMatrixTests(RegistryServer server)
{
    // Columns: state agencies, political+socio-political, credit, telecom, signature+eID, notary, bailiff, public service, other, citizen.
    internal static readonly Dictionary<string, string> SpecMatrix = new()
    {
        ["personalId"] = "NNNNNNNNNN", ["fullName"] = "NNNNNNNNNN", ["dateOfBirth"] = "NNNNNNNNNN", ["sex"] = "NNNNNNNNNN", ["dateOfDeath"] = "NNNNNNNNNN",
        ["nationality"] = "NNNNNN.N.N",
        ["placeOfOrigin"] = "N.N.NN...N",
        ["birthRegistrationPlace"] = "N........N",
        ["permanentAddress"] = "NNNPNNNN.N",
        ["currentAddress"] = "NNP..NNP.N",
        ["maritalStatus"] = "N....N...N", ["spouse"] = "N....N...N",
        ["father"] = "N....P...N", ["mother"] = "N....P...N",
        ["householdHead"] = "N........N",
        ["ethnicity"] = "N........N", ["religion"] = "N........N", ["bloodType"] = "N........N",
    };

    private static readonly Dictionary<string, string> Selections = new()
    {
        ["permanentAddress"] = "{ provinceCode province district commune street }",
        ["currentAddress"] = "{ provinceCode province district commune street }",
        ["father"] = "{ personalId fullName }", ["mother"] = "{ personalId fullName }", ["spouse"] = "{ personalId fullName }",
        ["householdHead"] = "{ head { personalId fullName } relationship }",
    };

    public static TheoryData<OrganizationType, string> Cases()
    {
        var data = new TheoryData<OrganizationType, string>();
        foreach (var type in Enum.GetValues<OrganizationType>())
        {
            foreach (var field in SpecMatrix.Keys)
            {
                data.Add(type, field);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Field_IsServedAsTheSpecMatrixSays(OrganizationType type, string field)
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var query = $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ {field} {Selections.GetValueOrDefault(field)} }} }}";
        var token = type == OrganizationType.Citizen ? RegistryServer.CitizenToken(citizen.PersonalId) : RegistryServer.OrganizationToken(DemoOrganizations.IdOf(type));
        var reference = await server.QueryAsync(RegistryServer.OrganizationToken("demo-specialized-database-agency"), query);
        var reply = await server.QueryAsync(token, query);

        var expected = SpecMatrix[field][Column(type)];
        var value = reply.Data.GetProperty("citizen").GetProperty(field);
        var clear = reference.Data.GetProperty("citizen").GetProperty(field);
        switch (expected)
        {
            case 'N':
                Assert.Empty(reply.Errors);
                Assert.Equal(clear.GetRawText(), value.GetRawText());
                break;
            case 'P':
                Assert.Empty(reply.Errors);
                AssertPartial(clear, value);
                break;
            default:
                Assert.Equal(JsonValueKind.Null, value.ValueKind);
                Assert.Contains(("FIELD_NOT_ENTITLED", $"citizen.{field}"), reply.Errors);
                break;
        }
    }

    private static void AssertPartial(JsonElement clear, JsonElement masked)
    {
        if (clear.TryGetProperty("provinceCode", out var province))
        {
            Assert.Equal(province.GetString(), masked.GetProperty("provinceCode").GetString());
            Assert.Equal(clear.GetProperty("province").GetString(), masked.GetProperty("province").GetString());
            foreach (var hidden in new[] { "district", "commune", "street" })
            {
                Assert.Equal(JsonValueKind.Null, masked.GetProperty(hidden).ValueKind);
            }

            return;
        }

        var id = clear.GetProperty("personalId").GetString()!;
        Assert.Equal("********" + id[8..], masked.GetProperty("personalId").GetString());
        var words = clear.GetProperty("fullName").GetString()!.Split(' ');
        Assert.Equal(string.Join(' ', words[..^1].Select(w => w[0] + ".").Append(words[^1])), masked.GetProperty("fullName").GetString());
    }

    internal static int Column(OrganizationType type) => type switch
    {
        OrganizationType.SpecializedDatabaseAgency or OrganizationType.StateAgency => 0,
        OrganizationType.PoliticalOrganization or OrganizationType.SocioPoliticalOrganization => 1,
        OrganizationType.CreditInstitution => 2,
        OrganizationType.TelecomProvider => 3,
        OrganizationType.DigitalSignatureProvider or OrganizationType.ElectronicIdentificationProvider => 4,
        OrganizationType.NotaryOrganization => 5,
        OrganizationType.BailiffOrganization => 6,
        OrganizationType.PublicServiceOrganization => 7,
        OrganizationType.OtherOrganization => 8,
        OrganizationType.Citizen => 9,
    };
}
