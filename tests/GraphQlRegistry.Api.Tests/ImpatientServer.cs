using Microsoft.AspNetCore.Hosting;

namespace GraphQlRegistry.Api.Tests;

/// <summary>A server that gives up on a blocked access log after one second, for fail-closed tests.</summary>
public sealed class ImpatientServer : RegistryServer
{
    protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:AccessLog:CommitTimeoutSeconds", "1");
}
