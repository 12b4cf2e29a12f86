using GraphQlRegistry.Api.Hosting;

namespace GraphQlRegistry.LoadGenerator.Hosts;

/// <summary>The baselines that exist only in this benchmark host; the shipped server is run from its own build.</summary>
public enum BaselineHost
{
    /// <summary>B0: a minimal-API endpoint running the same EF Core query and writing the same JSON; no GraphQL, no policy, no log.</summary>
    B0,

    /// <summary>B1: GraphQL.NET over the same query (parsed once, validated once), with no token, no policy and no log.</summary>
    B1,

    /// <summary>B2: the full server (token, caller, policy, masks, limits) with a log that drops its records.</summary>
    B2,
}

public static class BaselineHosts
{
    /// <summary>Starts a baseline on 127.0.0.1:<paramref name="port"/> with the server's own settings (data directory, provider, keys).</summary>
    public static async Task<IAsyncDisposable> StartAsync(BaselineHost host, RegistrySettings settings, int port) => host switch
    {
        BaselineHost.B0 => await RawHost.StartAsync(settings, port),
        BaselineHost.B1 => await PlainGraphQLHost.StartAsync(settings, port),
        BaselineHost.B2 => NoOpLogHost.Start(port),
    };
}
