using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

public sealed class OrgCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private DataDirectory _data = null!;

    public async Task InitializeAsync()
    {
        _data = await CreateAsync();
        var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "r-bank");
        await _data.WriteAsync([
            Read(bank, Day, "c1", "Citizen.fullName"),
            Read(bank, Day, "c1", "Citizen.currentAddress", FieldOutcome.Masked),
            Read(bank, Day.AddDays(1), "c2", "Citizen.religion", FieldOutcome.Denied),
            Read(bank, Day.AddDays(1), "c2", "Citizen.religion", FieldOutcome.Denied),
            Read(Caller("demo-state-agency", OrganizationType.StateAgency, "r-state"), Day, "c1", "Citizen.fullName"),
        ]);
    }

    [Fact]
    public async Task Json_ShowsFieldsAndDaysWithDenials_OfThatOrganisationOnly()
    {
        var json = (await _data.RunAsync("audit", "org", "demo-credit-institution", "--json")).Json();
        var byField = json.GetProperty("byField").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        var byDay = json.GetProperty("byDay").EnumerateArray().ToList();

        Assert.Equal(1, byField["Citizen.fullName"].GetProperty("revealed").GetInt64());
        Assert.Equal(1, byField["Citizen.currentAddress"].GetProperty("masked").GetInt64());
        Assert.Equal(2, byField["Citizen.religion"].GetProperty("denied").GetInt64());
        Assert.Equal(["2026-11-02", "2026-11-03"], byDay.Select(d => d.GetProperty("key").GetString()));
        Assert.Equal(2, byDay[1].GetProperty("denied").GetInt64());
    }

    [Fact]
    public async Task UnknownOrganisation_FailsWithAClearMessage()
    {
        var run = await _data.RunAsync("audit", "org", "no-such-org");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No organisation 'no-such-org' is registered", run.Error);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
