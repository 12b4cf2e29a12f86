using System.Text.Json;
using GraphQlRegistry.Policy.Organizations;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

public sealed class ExportCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private DataDirectory _data = null!;

    public async Task InitializeAsync()
    {
        _data = await CreateAsync();
        var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "r-bank") with { Purpose = "KYC, \"quoted\"\nsecond line" };
        await _data.WriteAsync(Enumerable.Range(0, 50).Select(i => Read(bank, Start.AddHours(i), "c" + i, "Citizen.fullName")));
    }

    [Fact]
    public async Task JsonLines_OneParseableEntryPerLine_OldestFirst_WithinTheRange()
    {
        var run = await _data.RunAsync("audit", "export", "--format", "jsonl", "--since", "2026-11-03", "--until", "2026-11-04");

        Assert.Equal(0, run.ExitCode);
        var entries = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(24, entries.Count);
        Assert.Equal(entries.Select(e => e.GetProperty("sequence").GetInt64()).Order(), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal("2026-11-03T00:00:00.000Z", entries[0].GetProperty("time").GetString());
        Assert.Equal("CREDIT_INSTITUTION", entries[0].GetProperty("organizationType").GetString());
        Assert.Equal(64, entries[0].GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task Csv_HasAHeaderAndQuotesFieldsWithCommasAndQuotes()
    {
        var file = Path.Combine(_data.Path, "export.csv");
        var run = await _data.RunAsync("audit", "export", "--format", "csv", "--out", file);

        Assert.Equal(0, run.ExitCode);
        var text = await File.ReadAllTextAsync(file);
        Assert.StartsWith("sequence,time,requestId,", text);
        // The log never holds a raw line break (CallerText escapes it); commas and quotes are quoted as CSV asks.
        Assert.Contains("\"KYC, \"\"quoted\"\"\\u000Asecond line\"", text);
        // The header, the 50 entries and the export's own record, committed before it read.
        Assert.Equal(52, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task UnknownFormat_FailsWithAClearMessage()
    {
        var run = await _data.RunAsync("audit", "export", "--format", "xml");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Unknown --format 'xml'", run.Error);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
