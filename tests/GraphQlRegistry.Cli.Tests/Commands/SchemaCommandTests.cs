namespace GraphQlRegistry.Cli.Tests.Commands;

/// <summary><c>registry schema --as</c> prints what <c>GET /graphql/sdl</c> gives a caller of that class.</summary>
public sealed class SchemaCommandTests : IAsyncLifetime
{
    private DataDirectory _data = null!;

    public async Task InitializeAsync() => _data = await DataDirectory.CreateAsync();

    [Fact]
    public async Task AsCreditInstitution_HidesWhatItMayNeverRead_AndMarksMaskedFields()
    {
        var run = await _data.RunAsync("schema", "--as", "CREDIT_INSTITUTION");

        Assert.Equal(0, run.ExitCode);
        var citizen = TypeBlock(run.Output, "Citizen");
        Assert.Contains("fullName: String", citizen);
        Assert.DoesNotContain("religion", citizen);
        Assert.Contains("\"Partially masked for you.\"\n  currentAddress: Address", citizen);
        Assert.DoesNotContain("@entitled", run.Output);
        Assert.DoesNotContain("accessLog", run.Output);
    }

    [Fact]
    public async Task SensitiveFields_DependOnTheGrantingAuthority()
    {
        var byHead = await _data.RunAsync("schema", "--as", "STATE_AGENCY", "--granted-by", "NPD_AGENCY_HEAD");
        var byDistrict = await _data.RunAsync("schema", "--as", "STATE_AGENCY", "--granted-by", "DISTRICT_POLICE_CHIEF");

        Assert.Contains("religion: String", TypeBlock(byHead.Output, "Citizen"));
        Assert.DoesNotContain("religion", TypeBlock(byDistrict.Output, "Citizen"));
    }

    [Fact]
    public async Task AsAuditor_ShowsTheAuditorsOperations()
    {
        var run = await _data.RunAsync("schema", "--as", "AUDITOR");

        Assert.Contains("verifyAccessLog", run.Output);
        Assert.DoesNotContain("citizen(", run.Output);
    }

    [Fact]
    public async Task WithoutAs_PrintsTheReviewedSdlWithItsRules()
    {
        var run = await CliRun.RunAsync(null, "schema");

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "schema", "registry.graphql")), run.Output);
    }

    [Fact]
    public async Task UnknownType_FailsWithAClearMessage()
    {
        var run = await _data.RunAsync("schema", "--as", "BANK");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--as 'BANK' is not an organisation type", run.Error);
    }

    private static string TypeBlock(string sdl, string type)
    {
        var start = sdl.IndexOf($"\ntype {type} ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no type {type} in the SDL");
        return sdl[start..sdl.IndexOf("\n}", start, StringComparison.Ordinal)];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "GraphQlRegistry.sln")))
        {
            directory = directory.Parent!;
        }

        return directory.FullName;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();
}
