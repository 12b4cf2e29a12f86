using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

public sealed class TopCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private DataDirectory _data = null!;

    public async Task InitializeAsync()
    {
        _data = await CreateAsync();
        var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "r-bank");
        var notary = Caller("demo-notary-organization", OrganizationType.NotaryOrganization, "r-notary");
        // Day 1 at 10:00 (before the range below), day 2 all day, day 3 at 05:00 (inside) and 07:00 (after).
        await _data.WriteAsync([
            .. Enumerable.Range(0, 5).Select(_ => Read(bank, Day1.AddHours(10), "c1", "Citizen.fullName")),
            .. Enumerable.Range(0, 24).Select(h => Read(bank, Day1.AddDays(1).AddHours(h), "c2", "Citizen.dateOfBirth")),
            .. Enumerable.Range(0, 3).Select(_ => Read(notary, Day1.AddDays(2).AddHours(5), "c3", "Citizen.religion", FieldOutcome.Denied)),
            .. Enumerable.Range(0, 7).Select(_ => Read(notary, Day1.AddDays(2).AddHours(7), "c3", "Citizen.fullName")),
        ]);
    }

    [Fact]
    public async Task ByOrganization_CountsEveryEntryOfEachOrganisation()
    {
        var rows = (await _data.RunAsync("audit", "top", "--by", "organization", "--json")).Json().GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt64());

        Assert.Equal(29, rows["demo-credit-institution"]);
        Assert.Equal(10, rows["demo-notary-organization"]);
    }

    [Fact]
    public async Task SinceAndUntil_CountWholeDaysFromTheRollupAndPartialDaysFromTheEntries()
    {
        var json = (await _data.RunAsync("audit", "top", "--by", "field", "--since", "2026-11-02T12:00:00Z", "--until", "2026-11-04T06:00:00Z", "--json")).Json();
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt64());

        Assert.Equal(24, rows["Citizen.dateOfBirth"]);
        Assert.Equal(3, rows["Citizen.religion"]);
        Assert.False(rows.ContainsKey("Citizen.fullName"));
        Assert.Equal(27, json.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ByDecision_IsTheSameOnASecondRun_TheRollupCountsNothingTwice()
    {
        var first = await _data.RunAsync("audit", "top", "--by", "decision", "--until", "2026-12-01", "--json");
        var second = await _data.RunAsync("audit", "top", "--by", "decision", "--until", "2026-12-01", "--json");

        Assert.Equal(first.Json().GetProperty("rows").ToString(), second.Json().GetProperty("rows").ToString());
        Assert.Contains(second.Json().GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "DENIED" && r.GetProperty("count").GetInt64() == 3);
    }

    [Theory]
    [InlineData("--by", "citizen", "Unknown --by 'citizen'")]
    [InlineData("--since", "yesterday", "--since 'yesterday' is not a time")]
    [InlineData("--until", "2026-02-30", "--until '2026-02-30' is not a time")]
    [InlineData("--limit", "0", "--limit must be between")]
    public async Task BadInput_FailsWithAClearMessage(string option, string value, string message)
    {
        var run = await _data.RunAsync("audit", "top", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
