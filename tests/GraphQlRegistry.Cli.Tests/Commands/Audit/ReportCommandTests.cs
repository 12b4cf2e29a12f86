using System.Diagnostics;

namespace GraphQlRegistry.Cli.Tests.Commands.Audit;

public sealed class ReportCommandTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_IsOneSelfContainedFile_ThatHeadlessChromiumRenders()
    {
        await using var data = await DataDirectory.CreateAsync();
        await data.WriteAsync(PlantedLog.Planted(data.Pseudonym.Of("001099000777")));
        var html = Path.Combine(data.Path, "report.html");

        var run = await data.RunAsync("audit", "report", "--out", html, "--since", "2026-10-01");

        Assert.Equal(0, run.ExitCode);
        var text = await File.ReadAllTextAsync(html);
        Assert.Contains("<svg", text);
        Assert.Contains("Accesses per day by organisation type", text);
        Assert.Contains("Organisation type × field", text);
        Assert.Contains("VOLUME_SPIKE", text);
        Assert.Contains("Intact:", text);
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotContain("src=", text);
        Assert.DoesNotContain("href=", text);

        var screenshot = Path.Combine(data.Path, "report.png");
        using var chromium = Process.Start(new ProcessStartInfo(Chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600", $"--screenshot={screenshot}", new Uri(html).AbsoluteUri])
        { RedirectStandardError = true, RedirectStandardOutput = true })!;
        await chromium.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        Assert.True(new FileInfo(screenshot).Length > 20_000, "Chromium produced no screenshot of the report.");
    }

    [Fact]
    public async Task MissingOut_FailsWithAClearMessage()
    {
        var run = await CliRun.RunAsync(null, "audit", "report");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--out FILE is required", run.Error);
    }
}
