using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Data.Storage;
using Microsoft.Extensions.Configuration;

namespace GraphQlRegistry.Api.Tests.Hosting;

public sealed class RegistrySettingsTests
{
    private static RegistrySettings Resolve(Dictionary<string, string?> values) => RegistrySettings.Resolve(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Jwt:SigningKey"] = RegistryServer.SigningKey,
            ["Registry:AccessLog:PseudonymKey"] = RegistryServer.PseudonymKey,
        }.Concat(values)).Build(), isDevelopment: false);

    [Fact]
    public void AccessLog_ByDefault_LiesBesideTheRegistryDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "elsewhere");

        var settings = Resolve(new() { ["ConnectionStrings:Registry"] = $"Data Source={Path.Combine(folder, "registry.db")}" });

        Assert.Equal((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "access-log.db")}"), (settings.AccessLogProvider, settings.AccessLogConnectionString));
    }

    [Fact]
    public void AccessLog_OnPostgres_SharesTheRegistryDatabaseUnlessConfigured()
    {
        var settings = Resolve(new() { ["Registry:Database:Provider"] = "Postgres", ["ConnectionStrings:Registry"] = "Host=db;Database=registry" });

        Assert.Equal((DatabaseProvider.Postgres, "Host=db;Database=registry"), (settings.AccessLogProvider, settings.AccessLogConnectionString));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-8192")]
    public void CitizenIndexBatch_BelowOne_StopsStartUp(string batch)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["Registry:AccessLog:CitizenIndexBatch"] = batch }));

        Assert.Contains("Registry:AccessLog:CitizenIndexBatch", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessLog_OnAnotherProviderThanTheRegistry_NeedsItsOwnConnectionString()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["Registry:AccessLog:Provider"] = "Postgres" }));

        Assert.Contains("ConnectionStrings:AccessLog", failure.Message, StringComparison.Ordinal);
    }
}
