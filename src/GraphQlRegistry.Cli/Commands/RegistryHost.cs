using GraphQlRegistry.Api.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>
/// The server's own services over the configured data (competence table, units, rules, grant ledger, per-caller SDL),
/// so the CLI applies the API's rules through the API's code, not a copy of it.
/// </summary>
public static class RegistryHost
{
    public static ServiceProvider Build(DataSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegistry(settings.Resolve());
        return services.BuildServiceProvider();
    }
}
