using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.Policy.Organizations;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

/// <summary>A citizen's flag leads the security team's tools: first in <c>audit anomalies</c>, counted in the report.</summary>
public sealed class FlaggedAccessesTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 10, 14, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Anomalies_ListFlaggedAccessesFirst_WithTheAccessTheyAreAbout()
    {
        await using var data = await DataDirectory.CreateAsync();
        var citizen = data.Pseudonym.Of("001099000778");
        await PlantFlaggedReadAsync(data, citizen);

        var run = await data.RunAsync("audit", "anomalies", "--since", "2026-10-01", "--json");
        var json = run.Json();

        var flagged = Assert.Single(json.GetProperty("flagged").EnumerateArray());
        Assert.Equal(("kyc-flagged", "NOT_REQUESTED", "demo-credit-institution", "CREDIT_INSTITUTION"),
            (flagged.GetProperty("requestId").GetString(), flagged.GetProperty("kind").GetString(), flagged.GetProperty("organizationId").GetString(), flagged.GetProperty("organizationType").GetString()));
        Assert.Equal(["Citizen.fullName", "Citizen.dateOfBirth"], flagged.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(ReadAt, flagged.GetProperty("accessedAt").GetDateTimeOffset());
        Assert.True(run.Output.IndexOf("\"flagged\"", StringComparison.Ordinal) < run.Output.IndexOf("\"findings\"", StringComparison.Ordinal));

        var table = await data.RunAsync("audit", "anomalies", "--since", "2026-10-01");
        Assert.Contains("1 access(es) flagged by citizens", table.Output);
    }

    [Fact]
    public async Task Report_CountsFlaggedAccesses()
    {
        await using var data = await DataDirectory.CreateAsync();
        await PlantFlaggedReadAsync(data, data.Pseudonym.Of("001099000779"));
        var html = Path.Combine(data.Path, "report.html");

        var json = (await data.RunAsync("audit", "report", "--out", html, "--since", "2026-10-01", "--json")).Json();

        Assert.Equal(1, json.GetProperty("flagged").GetInt32());
        var text = await File.ReadAllTextAsync(html);
        Assert.Contains("Accesses flagged by citizens (1)", text);
        Assert.Contains("kyc-flagged", text);
    }

    [Fact]
    public async Task NoFlags_NothingIsListedAsFlagged()
    {
        await using var data = await DataDirectory.CreateAsync();
        await data.WriteAsync(PlantedLog.Quiet());

        var json = (await data.RunAsync("audit", "anomalies", "--since", "2026-10-01", "--json")).Json();

        Assert.Empty(json.GetProperty("flagged").EnumerateArray());
    }

    private static async Task PlantFlaggedReadAsync(DataDirectory data, string citizen)
    {
        var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "kyc-flagged");
        await data.WriteAsync([Read(bank, ReadAt, citizen, "Citizen.fullName"), Read(bank, ReadAt, citizen, "Citizen.dateOfBirth")]);
        await using var log = data.Log();
        await new AccessFlags(log).AppendAsync(new AccessFlag
        {
            RequestId = "kyc-flagged",
            CitizenRef = citizen,
            Kind = AccessFlagKind.NotRequested,
            Reason = "not me",
            TimeUnixMs = ReadAt.AddDays(1).ToUnixTimeMilliseconds(),
            FlaggedInRequestId = "flagging-request",
        }, CancellationToken.None);
    }
}
