namespace GraphQlRegistry.Cli.Tests.Commands.Grants;

/// <summary>The CLI's grants go through the API's ledger: the same competence rules, refusals and codes as <c>issueGrant</c> and <c>revokeGrant</c>.</summary>
public sealed class GrantsCommandTests : IAsyncLifetime
{
    private DataDirectory _data = null!;

    public async Task InitializeAsync() => _data = await DataDirectory.CreateAsync();

    [Fact]
    public async Task Issue_ByACompetentOfficer_IsListedAsValid_ThenRevokedByItsIssuer()
    {
        var issued = (await _data.RunAsync("grants", "issue", "--authority", "DISTRICT_POLICE_CHIEF", "--unit", "00101", "--org", "demo-telecom-provider",
            "--fields", "Citizen.fullName,Citizen.sex", "--purpose", "SIM registration", "--json")).Json();
        var id = issued.GetProperty("id").GetString()!;
        Assert.Equal(["Citizen.fullName", "Citizen.sex"], issued.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        var listed = (await _data.RunAsync("grants", "list", "--org", "demo-telecom-provider", "--json")).Json().EnumerateArray()
            .Single(g => g.GetProperty("id").GetString() == id);
        Assert.Equal("VALID", listed.GetProperty("status").GetString());

        var refused = await _data.RunAsync("grants", "revoke", id, "--authority", "DISTRICT_POLICE_CHIEF", "--unit", "00102", "--reason", "not mine");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("NOT_ISSUING_AUTHORITY", refused.Error);

        var revoked = await _data.RunAsync("grants", "revoke", id, "--authority", "DISTRICT_POLICE_CHIEF", "--unit", "00101", "--reason", "contract ended");
        Assert.Equal(0, revoked.ExitCode);
        var after = (await _data.RunAsync("grants", "list", "--org", "demo-telecom-provider", "--json")).Json().EnumerateArray()
            .Single(g => g.GetProperty("id").GetString() == id);
        Assert.Equal("REVOKED", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Issue_ByAnAuthorityNotCompetentForTheGrantee_IsRefused_AndNothingIsWritten()
    {
        var before = (await _data.RunAsync("grants", "list", "--org", "demo-credit-institution", "--json")).Json().GetArrayLength();

        var run = await _data.RunAsync("grants", "issue", "--authority", "NPD_AGENCY_HEAD", "--org", "demo-credit-institution", "--fields", "Citizen.fullName");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AUTHORITY_NOT_COMPETENT", run.Error);
        Assert.Equal(before, (await _data.RunAsync("grants", "list", "--org", "demo-credit-institution", "--json")).Json().GetArrayLength());
    }

    [Fact]
    public async Task Issue_OfAFieldTheTypeMayNeverRead_IsRefused()
    {
        var run = await _data.RunAsync("grants", "issue", "--authority", "DISTRICT_POLICE_CHIEF", "--unit", "00101", "--org", "demo-credit-institution",
            "--fields", "Citizen.religion");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("INVALID_ARGUMENT: This grantee may never read: Citizen.religion.", run.Error);
    }

    [Fact]
    public async Task List_MarksTheDemoGrantsThatDoNotCount()
    {
        var grants = (await _data.RunAsync("grants", "list", "--json")).Json().EnumerateArray().ToDictionary(g => g.GetProperty("holder").GetString()!);

        Assert.Equal("VALID", grants["demo-credit-institution"].GetProperty("status").GetString());
        Assert.Equal("REVOKED", grants["demo-revoked"].GetProperty("status").GetString());
        Assert.Equal("EXPIRED", grants["demo-expired"].GetProperty("status").GetString());
        Assert.Equal("AUTHORITY_NOT_COMPETENT", grants["demo-incompetent"].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("list", "--org", "nobody", "No organisation 'nobody' is registered")]
    [InlineData("issue", "--authority", "MAYOR", "--authority 'MAYOR' is not a granting authority")]
    public async Task BadInput_FailsWithAClearMessage(string command, string option, string value, string message)
    {
        var run = await _data.RunAsync("grants", command, option, value, "--fields", "Citizen.fullName");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
