using System.ComponentModel;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>Where the server keeps its data; the CLI resolves its settings exactly as the server does.</summary>
public class DataSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("The server's data directory (default: src/GraphQlRegistry.Api/data, where `dotnet run` keeps it).")]
    public string DataDirectory { get; set; } = Path.Combine("src", "GraphQlRegistry.Api", "data");

    public RegistrySettings Resolve() => RegistrySettings.Resolve(
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Registry:DataDirectory"] = DataDirectory })
            .AddEnvironmentVariables()
            .Build(),
        isDevelopment: true);

    public RegistryDbContext OpenRegistry()
    {
        var settings = Resolve();
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryProvider(settings.Provider, settings.RegistryConnectionString);
        return new RegistryDbContext(options.Options);
    }

    public AccessLogDbContext OpenAccessLog()
    {
        var settings = Resolve();
        var options = new DbContextOptionsBuilder<AccessLogDbContext>();
        options.UseRegistryProvider(settings.AccessLogProvider, settings.AccessLogConnectionString);
        return new AccessLogDbContext(options.Options);
    }
}
