using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

public sealed class FeesCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset November = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
    private DataDirectory _data = null!;

    public async Task InitializeAsync()
    {
        _data = await CreateAsync();
        var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "r-bank");
        var state = Caller("demo-state-agency", OrganizationType.StateAgency, "r-state");
        await _data.WriteAsync([
            .. Enumerable.Range(0, 5).Select(_ => Read(bank, November, "c1", "Citizen.fullName")),
            Read(bank, November, "c1", "Citizen.currentAddress", FieldOutcome.Masked),
            Read(bank, November, "c1", "Address.province", FieldOutcome.Masked),
            Read(bank, November, "c1", "Citizen.religion", FieldOutcome.Denied),
            Read(bank, November, "c1", "Query.citizen"),
            Read(bank, November.AddMonths(1), "c1", "Citizen.fullName"),
            .. Enumerable.Range(0, 4).Select(_ => Read(state, November, "c2", "Citizen.religion")),
        ]);
    }

    [Fact]
    public async Task Json_PricesRevealedAndMaskedInformationFieldsOfTheMonth_StateBodiesExempt()
    {
        var json = (await _data.RunAsync("audit", "fees", "--month", "2026-11", "--json")).Json();
        var lines = json.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("organizationId").GetString()!);

        var bank = lines["demo-credit-institution"];
        Assert.Equal(5, bank.GetProperty("revealed").GetInt64());
        Assert.Equal(2, bank.GetProperty("masked").GetInt64());
        Assert.Equal(7000m, bank.GetProperty("amount").GetDecimal());
        Assert.True(lines["demo-state-agency"].GetProperty("exempt").GetBoolean());
        Assert.Equal(0m, lines["demo-state-agency"].GetProperty("amount").GetDecimal());
        Assert.Equal(7000m, json.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(11, json.GetProperty("totalFields").GetInt64());
    }

    [Fact]
    public async Task RateAndExemptions_AreConfigurable()
    {
        var json = (await _data.RunAsync("audit", "fees", "--month", "2026-11", "--rate", "500", "--exempt", "NONE", "--json")).Json();

        Assert.Equal(500m * 11, json.GetProperty("totalAmount").GetDecimal());
    }

    [Fact]
    public async Task Csv_HasOneLinePerOrganisationAndATotal()
    {
        var run = await _data.RunAsync("audit", "fees", "--month", "2026-11", "--csv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("month,organizationId,organizationName,organizationType,revealed,masked,fields,exempt,amountVnd", lines[0]);
        Assert.Contains("2026-11,demo-credit-institution,Demo credit institution,CREDIT_INSTITUTION,5,2,7,false,7000", lines);
        Assert.Equal("2026-11,TOTAL,,,,,11,,7000", lines[^1]);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("November")]
    public async Task BadMonth_FailsWithAClearMessage(string month)
    {
        var run = await _data.RunAsync("audit", "fees", "--month", month);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"--month '{month}' is not a month", run.Error);
    }

    [Fact]
    public async Task UnknownExemptType_FailsWithAClearMessage()
    {
        var run = await _data.RunAsync("audit", "fees", "--month", "2026-11", "--exempt", "BANKS");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Unknown organisation type(s) for --exempt: BANKS", run.Error);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
