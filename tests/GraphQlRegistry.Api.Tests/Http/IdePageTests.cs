using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GraphQlRegistry.Api.Tests.Http;

/// <summary>
/// The IDE at <c>GET /graphql</c>, driven in Debian's headless Chromium (Playwright never downloads a browser here):
/// a developer pastes a bank's token, runs the KYC lookup and sees what the bank may see.
/// </summary>
public sealed class IdePageTests : IClassFixture<IdePageTests.IdeServer>
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly IdeServer _server;

    public IdePageTests(IdeServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task Browser_WithBankToken_RunsKycLookupAndSeesMaskedAddressAndDeniedReligion()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var token = RegistryServer.OrganizationToken("demo-credit-institution", purpose: "KYC onboarding");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 860 } });
        var graphqlPosts = new ConcurrentQueue<IRequest>();
        var tokenPasted = false;
        page.Request += (_, request) =>
        {
            if (tokenPasted && request.Method == "POST" && request.Url.EndsWith("/graphql", StringComparison.Ordinal))
            {
                graphqlPosts.Enqueue(request);
            }
        };

        // The page introspects once without a token as it loads; under load that request can leave after the token is
        // typed, so the test waits for its answer before it types.
        await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(_server.BaseAddress + "graphql"),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/graphql", StringComparison.Ordinal));
        await page.FillAsync("#token", token);
        tokenPasted = true;
        await page.ClickAsync("#use-token");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.graphiql-query-editor .CodeMirror').length === 1");
        await page.EvaluateAsync("id => document.querySelector('.graphiql-editor-tool .CodeMirror').CodeMirror.setValue(JSON.stringify({ personalId: id }, null, 2))", citizen.PersonalId);
        await page.ClickAsync(".graphiql-execute-button");
        await page.WaitForFunctionAsync("() => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue().includes('FIELD_NOT_ENTITLED')");
        var responseText = await page.EvaluateAsync<string>("() => document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "ide.png") });

        using var response = JsonDocument.Parse(responseText);
        var record = response.RootElement.GetProperty("data").GetProperty("citizen");
        Assert.Equal(citizen.FullName, record.GetProperty("fullName").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("currentAddress").GetProperty("province").GetString()));
        Assert.Equal(JsonValueKind.Null, record.GetProperty("currentAddress").GetProperty("street").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("religion").ValueKind);
        var error = Assert.Single(response.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("FIELD_NOT_ENTITLED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("citizen.religion", string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.GetString())));

        // Once the token was pasted, the IDE introspected the schema with it and sent every request with it.
        Assert.Contains(graphqlPosts, request => request.PostData?.Contains("IntrospectionQuery", StringComparison.Ordinal) == true);
        Assert.All(graphqlPosts, request => Assert.Equal("Bearer " + token, request.Headers.GetValueOrDefault("authorization")));
    }

    [Fact]
    public async Task IdeAssets_AreServedByTheServerItself()
    {
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        foreach (var (asset, type) in new[] { ("graphiql.js", "text/javascript"), ("graphiql.css", "text/css"), ("react.js", "text/javascript"), ("react-dom.js", "text/javascript") })
        {
            using var response = await client.GetAsync("graphql/ide/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Content.Headers.ContentLength > 1000, asset);
        }

        var page = new HttpRequestMessage(HttpMethod.Get, "graphql");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var html = await client.SendAsync(page);
        var text = await html.Content.ReadAsStringAsync();
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", html.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("https://", text);
    }

    [Fact]
    public async Task GraphQLClient_ThatAlsoAcceptsHtml_GetsJsonNotThePage()
    {
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd("application/graphql-response+json, text/html");
        request.Headers.Authorization = new("Bearer", RegistryServer.OrganizationToken("demo-credit-institution"));
        using var response = await client.SendAsync(request);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The real server on a loopback socket: a browser cannot reach the in-memory test server.</summary>
    public sealed class IdeServer : RegistryServer
    {
        public IdeServer()
        {
            // Port 0: the system picks a free port, so no other socket on the machine can take it first.
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        }

        public Uri BaseAddress { get; }

        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:Ide:Enabled", "true");
    }
}

/// <summary>Outside Development the IDE is off unless configured: a browser's GET gets no page.</summary>
[Collection(SharedServer.Name)]
public sealed class IdePageDisabledTests(RegistryServer server)
{
    [Fact]
    public async Task BrowserGet_InProductionWithoutSetting_GetsNoPage()
    {
        var client = server.CreateClient();
        var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var response = await client.SendAsync(page);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/graphql/ide/graphiql.js")).StatusCode);
    }
}
