using System.ComponentModel;
using GraphQlRegistry.Api.Hosting;
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
}
