using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

public sealed class CitizenCommandTests : IAsyncLifetime
{
    private const string PersonalId = "001099123456";
    private const string Other = "001099654321";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private DataDirectory _data = null!;

    public async Task InitializeAsync()
    {
        _data = await CreateAsync();
        var pseudonym = _data.Pseudonym;
        var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "r-bank");
        var police = Caller("demo-state-agency", OrganizationType.StateAgency, "r-state");
        await _data.WriteAsync([
            Read(bank, Start, pseudonym.Of(PersonalId), "Citizen.fullName"),
            Read(bank, Start, pseudonym.Of(Other), "Citizen.fullName"),
            Read(police, Start.AddHours(1), pseudonym.Of(PersonalId), "Citizen.religion"),
        ]);
    }

    [Fact]
    public async Task Json_ListsThisCitizensReadsNewestFirst_WithOrganisationNames()
    {
        var json = (await _data.RunAsync("audit", "citizen", PersonalId, "--json")).Json();
        var entries = json.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("requestId").GetString()!.StartsWith("r-")).ToList();

        Assert.Equal(["Citizen.religion", "Citizen.fullName"], entries.Select(e => e.GetProperty("field").GetString()));
        Assert.Equal("Demo state agency", entries[0].GetProperty("organizationName").GetString());
        Assert.Equal("CREDIT_INSTITUTION", entries[1].GetProperty("organizationType").GetString());
    }

    [Fact]
    public async Task TheLookupItself_IsRecordedAgainstTheCitizen_WithoutThePersonalId()
    {
        var run = await _data.RunAsync("audit", "citizen", PersonalId, "--purpose", "complaint 42", "--json");
        Assert.Equal(0, run.ExitCode);

        await using var log = _data.Log();
        var recorded = await log.Entries.Where(e => e.Field == "Cli.auditCitizen").OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(_data.Pseudonym.Of(PersonalId), recorded.CitizenRef);
        Assert.Equal("registry audit citizen", recorded.OperationName);
        Assert.Equal("complaint 42", recorded.Purpose);
        Assert.StartsWith("cli:", recorded.Subject);
        Assert.DoesNotContain(PersonalId, recorded.Path);
        Assert.Contains("[redacted]", recorded.Path);
        Assert.Contains((await _data.RunAsync("audit", "citizen", PersonalId, "--json")).Json().GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "Cli.auditCitizen");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("00109912345x")]
    public async Task MalformedPersonalId_FailsWithoutEchoingIt(string id)
    {
        var run = await _data.RunAsync("audit", "citizen", id);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("PERSONAL_ID must be exactly 12 digits", run.Error);
        Assert.DoesNotContain(id, run.Error);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
