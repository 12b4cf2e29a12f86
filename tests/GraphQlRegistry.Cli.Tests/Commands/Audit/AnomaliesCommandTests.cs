namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

public sealed class AnomaliesCommandTests
{
    [Fact]
    public async Task PlantedLog_EachPatternIsFound_WithItsEvidence_AndNothingElse()
    {
        await using var data = await DataDirectory.CreateAsync();
        var crowded = data.Pseudonym.Of("001099000777");
        await data.WriteAsync(PlantedLog.Planted(crowded));

        var findings = (await data.RunAsync("audit", "anomalies", "--since", "2026-10-01", "--json")).Json().GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("kind").GetString()!);

        Assert.Equal(4, findings.Count);
        Assert.Equal(PlantedLog.BurstOrganization, findings["VOLUME_SPIKE"].GetProperty("subject").GetString());
        Assert.Equal(2120, findings["VOLUME_SPIKE"].GetProperty("observed").GetInt64());
        Assert.Equal("HIGH", findings["VOLUME_SPIKE"].GetProperty("severity").GetString());
        Assert.Equal(PlantedLog.ProbingOrganization, findings["DENIED_FIELD_PROBING"].GetProperty("subject").GetString());
        Assert.Equal(30, findings["DENIED_FIELD_PROBING"].GetProperty("observed").GetInt64());
        Assert.Equal(PlantedLog.NightOrganization, findings["OFF_HOURS_BULK_READ"].GetProperty("subject").GetString());
        Assert.Equal(PlantedLog.NightCitizens, findings["OFF_HOURS_BULK_READ"].GetProperty("observed").GetInt64());
        Assert.Equal(crowded, findings["CITIZEN_READ_BY_MANY_ORGANIZATIONS"].GetProperty("subject").GetString());
        Assert.Equal(PlantedLog.CrowdSize, findings["CITIZEN_READ_BY_MANY_ORGANIZATIONS"].GetProperty("observed").GetInt64());
        Assert.All(findings.Values, f => Assert.NotEmpty(f.GetProperty("requestIds").EnumerateArray()));
        Assert.StartsWith("probe-", findings["DENIED_FIELD_PROBING"].GetProperty("requestIds")[0].GetString());
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 16, 0, 0, TimeSpan.Zero), findings["OFF_HOURS_BULK_READ"].GetProperty("from").GetDateTimeOffset());
    }

    [Fact]
    public async Task QuietLog_HasNoFindings()
    {
        await using var data = await DataDirectory.CreateAsync();
        await data.WriteAsync(PlantedLog.Quiet());

        var json = (await data.RunAsync("audit", "anomalies", "--since", "2026-10-01", "--json")).Json();

        Assert.Empty(json.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task AThresholdChangedOnTheCommandLine_ChangesWhatIsFound()
    {
        await using var data = await DataDirectory.CreateAsync();
        await data.WriteAsync(PlantedLog.Quiet());

        var findings = (await data.RunAsync("audit", "anomalies", "--since", "2026-10-01", "--probe-denials", "4", "--json")).Json().GetProperty("findings");

        Assert.NotEmpty(findings.EnumerateArray());
        Assert.All(findings.EnumerateArray(), f => Assert.Equal("DENIED_FIELD_PROBING", f.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("--since", "last week", "--since 'last week' is not a time")]
    [InlineData("--factor", "0.5", "--factor must be greater than 1")]
    public async Task BadInput_FailsWithAClearMessage(string option, string value, string message)
    {
        var run = await CliRun.RunAsync(null, "audit", "anomalies", option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
    }
}
