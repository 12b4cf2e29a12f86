using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Writing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace GraphQlRegistry.LoadGenerator.Hosts;

/// <summary>
/// B2: the real server, configured as the shipped one is (Production, the same environment variables), whose access
/// log drops its records instead of committing them. It shows what the log costs; it exists only in this host.
/// </summary>
public static class NoOpLogHost
{
    public static IAsyncDisposable Start(int port)
    {
        var factory = new Factory();
        factory.UseKestrel(port);
        factory.StartServer();
        return factory;
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "GraphQlRegistry.Api"));
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services => services.AddSingleton<IAccessLogSink, DroppingSink>());
        }
    }

    private sealed class DroppingSink : IAccessLogSink
    {
        public Task AppendAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
