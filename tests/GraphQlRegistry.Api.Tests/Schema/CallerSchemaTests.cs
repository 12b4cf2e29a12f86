namespace GraphQlRegistry.Api.Tests.Schema;

/// <summary>Each caller's SDL holds exactly what it may use: fields, filter inputs, order values and the types it can reach.</summary>
[Collection(SharedServer.Name)]
public sealed class CallerSchemaTests(RegistryServer server)
{
    [Fact]
    public async Task BanksSdl_NamesNoFieldItMayNeverRead_Anywhere()
    {
        var sdl = await SdlAsync(RegistryServer.OrganizationToken("demo-credit-institution"));

        Assert.DoesNotContain("religion", sdl, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccessLogFilter", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("CitizenFilter", sdl, StringComparison.Ordinal);
        Assert.Contains("fullName", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateAgencyGrantedByTheNpdHead_MayFilterAndOrderOnSensitiveFields()
    {
        var sdl = await SdlAsync(RegistryServer.OrganizationToken("demo-state-agency"));

        Assert.Contains("  religion: String\n", Block(sdl, "input CitizenFilter"), StringComparison.Ordinal);
        Assert.Contains("  RELIGION\n", Block(sdl, "enum CitizenOrderField"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateAgencyGrantedByAProvincialDirector_SeesNoSensitiveFilterOrOrder()
    {
        var sdl = await SdlAsync(RegistryServer.OrganizationToken("demo-provincial-agency"));

        Assert.DoesNotContain("religion", Block(sdl, "input CitizenFilter"), StringComparison.Ordinal);
        Assert.DoesNotContain("RELIGION", Block(sdl, "enum CitizenOrderField"), StringComparison.Ordinal);
        Assert.Contains("  fullName: String\n", Block(sdl, "input CitizenFilter"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditorsSdl_HasTheLogAndNoCitizenType()
    {
        var sdl = await SdlAsync(RegistryServer.AuditorToken());

        Assert.Contains("accessStats", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("type Citizen ", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CitizensSdl_HasFlagAccessAndNoGrantMutation_AndNoOtherCallersSeesFlagAccess()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var mutation = Block(await SdlAsync(RegistryServer.CitizenToken(citizen.PersonalId)), "type Mutation");

        Assert.Contains("flagAccess(", mutation, StringComparison.Ordinal);
        Assert.DoesNotContain("issueGrant", mutation, StringComparison.Ordinal);
        Assert.DoesNotContain("flagAccess", await SdlAsync(RegistryServer.OrganizationToken("demo-credit-institution")), StringComparison.Ordinal);
        Assert.DoesNotContain("flagAccess", await SdlAsync(RegistryServer.OfficerToken("NPD_AGENCY_HEAD", null)), StringComparison.Ordinal);
    }

    private async Task<string> SdlAsync(string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (await client.GetStringAsync("/graphql/sdl")).ReplaceLineEndings("\n");
    }

    private static string Block(string sdl, string head)
    {
        var start = sdl.IndexOf(head, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{head}' is missing from the caller's SDL.");
        return sdl[start..sdl.IndexOf('}', start)];
    }
}
