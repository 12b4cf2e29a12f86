using System.Net;
using System.Net.Sockets;
using GraphQlRegistry.Api.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>Outside Development a wrong deployment stops the server, and the message names the setting to fix.</summary>
public sealed class StartupValidationTests
{
    private const string GoodKey = "a-production-key-that-is-long-enough-0123456789";

    [Theory]
    [InlineData(null, GoodKey, null, RegistrySettings.SigningKeyKey)]
    [InlineData("short", GoodKey, null, RegistrySettings.SigningKeyKey)]
    [InlineData(GoodKey, null, null, RegistrySettings.PseudonymKeyKey)]
    [InlineData(GoodKey, "short", null, RegistrySettings.PseudonymKeyKey)]
    [InlineData(GoodKey, GoodKey, "Oracle", RegistrySettings.ProviderKey)]
    [InlineData(GoodKey, GoodKey, "7", RegistrySettings.ProviderKey)]
    [InlineData(GoodKey, GoodKey, "Postgres", RegistrySettings.RegistryConnectionKey)]
    public void Resolve_OutsideDevelopment_WrongSettingIsNamed(string? signingKey, string? pseudonymKey, string? provider, string named)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => RegistrySettings.Resolve(Configuration(signingKey, pseudonymKey, provider), isDevelopment: false));
        Assert.Contains(named, exception.Message);
    }

    [Fact]
    public void Resolve_SeveralProblems_ReportsThemAllAtOnce()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => RegistrySettings.Resolve(Configuration(null, "short", "Oracle"), isDevelopment: false));
        Assert.Contains(RegistrySettings.SigningKeyKey, exception.Message);
        Assert.Contains(RegistrySettings.PseudonymKeyKey, exception.Message);
        Assert.Contains(RegistrySettings.ProviderKey, exception.Message);
    }

    [Fact]
    public void Resolve_ValidSettings_Resolves()
    {
        var settings = RegistrySettings.Resolve(Configuration(GoodKey, GoodKey, "postgres", registry: "Host=db"), isDevelopment: false);
        Assert.Equal(Data.Storage.DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("Host=db", settings.AccessLogConnectionString);
    }

    [Fact]
    public void Server_MissingSigningKey_DoesNotStart()
    {
        using var server = new MisconfiguredServer(builder => builder.UseSetting(RegistrySettings.SigningKeyKey, null));
        var exception = Assert.ThrowsAny<Exception>(() => server.CreateClient());
        Assert.Contains(RegistrySettings.SigningKeyKey, exception.ToString());
    }

    [Fact]
    public void Server_UnreachableStore_DoesNotStartAndNamesTheConnectionString()
    {
        using var server = new MisconfiguredServer(builder =>
        {
            builder.UseSetting(RegistrySettings.ProviderKey, "Postgres");
            builder.UseSetting(RegistrySettings.RegistryConnectionKey, $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=registry;Timeout=2");
        });
        var exception = Assert.ThrowsAny<Exception>(() => server.CreateClient());
        Assert.Contains($"{RegistrySettings.RegistryConnectionKey}) is unreachable", exception.ToString());
    }

    [Fact]
    public void Server_StoreBehindAndMigrationOff_DoesNotStartAndSaysHowToMigrate()
    {
        using var server = new MisconfiguredServer(builder => builder.UseSetting("Registry:Database:MigrateOnStartup", "false"));
        var exception = Assert.ThrowsAny<Exception>(() => server.CreateClient());
        Assert.Contains("registry migrate", exception.ToString());
        Assert.Contains("Registry:Database:MigrateOnStartup", exception.ToString());
    }

    private static IConfiguration Configuration(string? signingKey, string? pseudonymKey, string? provider, string? registry = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:DataDirectory"] = Path.Combine(Path.GetTempPath(), "registry-settings-never-created"),
            [RegistrySettings.SigningKeyKey] = signingKey,
            [RegistrySettings.PseudonymKeyKey] = pseudonymKey,
            [RegistrySettings.ProviderKey] = provider,
            [RegistrySettings.RegistryConnectionKey] = registry,
        }).Build();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class MisconfiguredServer(Action<IWebHostBuilder> misconfigure) : RegistryServer
    {
        protected override bool StartsEmpty => true;

        protected override void ConfigureOverrides(IWebHostBuilder builder) => misconfigure(builder);
    }
}
