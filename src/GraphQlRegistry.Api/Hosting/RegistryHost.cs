using GraphQlRegistry.Api.Http;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// The host's concerns in one place: where it reads its configuration, which settings it refuses, its services,
/// what runs before the first request, and the order of its middleware.
/// </summary>
public static class RegistryHost
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        // appsettings.json is read beside the binary, so logging and defaults do not depend on where the server starts.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddRegistryLogLevels();
        var settings = RegistrySettings.Resolve(builder.Configuration, builder.Environment.IsDevelopment());
        builder.Services.AddRegistry(settings);
        builder.Services.AddRegistryTelemetry(builder.Configuration);

        var app = builder.Build();
        await app.Services.InitializeRegistryAsync(settings);
        app.FlushAccessLogOnStop();
        app.UseMiddleware<RequestLogging>();
        app.MapHealthEndpoints();
        app.MapRegistryEndpoints();
        return app;
    }
}
