using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.Api.Tests;
using GraphQlRegistry.Policy.Organizations;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

/// <summary><c>audit verify</c> runs the verifier the API's <c>verifyAccessLog</c> runs: on every kind of tampering they give the same answer.</summary>
public sealed class VerifyCommandTests : IAsyncLifetime
{
    private DataDirectory _data = null!;

    public async Task InitializeAsync()
    {
        _data = await CreateAsync();
        var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "r-bank");
        await _data.WriteAsync(Enumerable.Range(0, 20).Select(i => Read(bank, DateTimeOffset.UnixEpoch.AddDays(20_000).AddMinutes(i), "c" + i, "Citizen.fullName")));
    }

    [Fact]
    public async Task IntactLog_ExitsZero()
    {
        var json = (await _data.RunAsync("audit", "verify", "--json")).Json();

        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(21, json.GetProperty("entriesChecked").GetInt64()); // the 20 written and the check's own record
    }

    [Theory]
    [InlineData("context", 1, "ContentHashMismatch")]
    [InlineData("decision", 1, "ContentHashMismatch")]
    [InlineData("entry cut", 20, "SequenceGap")]
    [InlineData("link", 1, "PreviousHashMismatch")]
    public async Task TamperedLog_ExitsOne_NamesTheFirstBrokenEntry_AsTheApiVerifierDoes(string tampering, long broken, string reason)
    {
        await _data.ExecuteAsync(tampering switch
        {
            "context" => "UPDATE \"AccessLogRequests\" SET \"OrganizationId\" = 'someone-else' WHERE \"Start\" = 1",
            "decision" => TestStore.SetPackedFieldsByte(1, (6 * 18) + 16, 2),
            "entry cut" => TestStore.CutPackedFields(1, 4 * 18, 18),
            _ => "UPDATE \"AccessLogRequests\" SET \"PreviousHash\" = \"Hash\" WHERE \"Start\" = 1",
        });

        var run = await _data.RunAsync("audit", "verify", "--json");
        ChainVerification api;
        await using (var log = _data.Log())
        {
            api = await ChainVerifier.VerifyAsync(log);
        }

        Assert.Equal(1, run.ExitCode);
        var json = System.Text.Json.JsonDocument.Parse(run.Output).RootElement;
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Equal(broken, json.GetProperty("firstBrokenEntry").GetInt64());
        Assert.Equal(reason, json.GetProperty("reason").GetString());
        Assert.Equal((api.FirstBrokenSequence, api.Break?.ToString(), api.EntriesChecked),
            (json.GetProperty("firstBrokenEntry").GetInt64(), json.GetProperty("reason").GetString(), json.GetProperty("entriesChecked").GetInt64()));
        Assert.Equal("r-bank", json.GetProperty("brokenEntryRequestId").GetString());
    }

    [Fact]
    public async Task TamperedLog_TableOutput_NamesTheEntry()
    {
        await _data.ExecuteAsync(TestStore.SetPackedFieldsByte(1, (2 * 18) + 16, 2));

        var run = await _data.RunAsync("audit", "verify");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BROKEN at entry 1", run.Output);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
