namespace GraphQlRegistry.Cli.Tests.Commands;

public sealed class HelpTests
{
    [Theory]
    [InlineData("audit", "top", "citizen", "org", "verify", "export", "anomalies", "fees", "report")]
    [InlineData("grants", "list", "issue", "revoke")]
    public async Task Branch_ListsItsCommands(string branch, params string[] commands)
    {
        var run = await CliRun.RunAsync(null, branch, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(commands, command => Assert.Contains(command, run.Output));
        Assert.DoesNotContain("generate", run.Output);
    }

    [Theory]
    [InlineData("audit", "top", "--by <DIMENSION>")]
    [InlineData("audit", "fees", "--month <YYYY-MM>")]
    [InlineData("audit", "citizen", "<PERSONAL_ID>")]
    public async Task Command_DescribesItsOptions(string branch, string command, string option)
    {
        var run = await CliRun.RunAsync(null, branch, command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Output);
    }
}
