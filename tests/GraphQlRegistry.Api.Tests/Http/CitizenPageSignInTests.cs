using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace GraphQlRegistry.Api.Tests.Http;

/// <summary>
/// Production sign-in on the citizens' page: the page learns the OIDC authority and its client id from the server, no
/// token field is offered, and the page may talk to that authority and to nothing else.
/// </summary>
public sealed class CitizenPageSignInTests(CitizenPageSignInTests.OidcServer server) : IClassFixture<CitizenPageSignInTests.OidcServer>
{
    [Fact]
    public async Task Config_NamesTheAuthorityAndClient_AndOffersNoTokenField()
    {
        using var config = JsonDocument.Parse(await server.CreateClient().GetStringAsync("/my/config.json"));

        Assert.False(config.RootElement.GetProperty("tokenSignIn").GetBoolean());
        var oidc = config.RootElement.GetProperty("oidc");
        Assert.Equal(("https://id.example.gov.vn/realms/citizens", "registry-my", "openid profile"),
            (oidc.GetProperty("authority").GetString(), oidc.GetProperty("clientId").GetString(), oidc.GetProperty("scope").GetString()));
    }

    [Fact]
    public async Task Page_MayConnectToItselfAndTheAuthorityOnly()
    {
        using var page = await server.CreateClient().GetAsync("/my");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("connect-src 'self' https://id.example.gov.vn;", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    public sealed class OidcServer : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder)
        {
            builder.UseSetting("Registry:Jwt:Authority", "https://id.example.gov.vn/realms/citizens");
            builder.UseSetting("Registry:CitizenPage:ClientId", "registry-my");
            builder.UseSetting("Registry:CitizenPage:Scope", "openid profile");
        }
    }
}

/// <summary>The page can be switched off; without it, /my is not found.</summary>
public sealed class CitizenPageDisabledTests(CitizenPageDisabledTests.DisabledServer server) : IClassFixture<CitizenPageDisabledTests.DisabledServer>
{
    [Fact]
    public async Task Disabled_MyIsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await server.CreateClient().GetAsync("/my")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.CreateClient().GetAsync("/my/main.js")).StatusCode);
    }

    public sealed class DisabledServer : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:CitizenPage:Enabled", "false");
    }
}
