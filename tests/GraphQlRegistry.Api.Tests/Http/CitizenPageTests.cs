using System.Net;
using System.Text.Json;
using GraphQlRegistry.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GraphQlRegistry.Api.Tests.Http;

/// <summary>
/// The citizens' page at <c>/my</c>, driven in Debian's headless Chromium: a citizen signs in with a token, finds a
/// bank's KYC read with its fields and masks, filters, downloads the history, flags the read with the keyboard, and
/// an auditor sees the flag.
/// </summary>
public sealed class CitizenPageTests : IClassFixture<CitizenPageTests.PageServer>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string HistoryColumns = "time requestId organizationName organizationType field decision mask purpose grantId grantAuthority channel throughRelative flags { kind }";
    private static readonly string[] CsvColumns = ["time", "requestId", "organizationName", "organizationType", "field", "decision", "mask", "purpose", "grantId", "grantAuthority", "channel", "throughRelative", "flags"];
    private readonly PageServer _server;

    public CitizenPageTests(PageServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task Citizen_SeesABanksKycRead_FiltersDownloadsAndFlagsIt_AndAuditorSeesTheFlag()
    {
        var (citizen, child) = await _server.FatherAndChildAsync();
        var kyc = await ReadAsync("demo-credit-institution", "KYC onboarding", $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName dateOfBirth currentAddress {{ province street }} religion }} }}");
        var deed = await ReadAsync("demo-notary-organization", "Deed of sale", $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName maritalStatus }} }}");
        var childRead = await ReadAsync("demo-state-agency", "Household check", $"{{ citizen(personalId: \"{child.PersonalId}\") {{ fullName father {{ personalId fullName }} }} }}");

        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        await SignInAsync(page, citizen);

        // :: The bank's read, in Vietnamese: organisation type, each field with its decision and mask.
        var card = page.Locator($"li[data-request-id=\"{kyc}\"]");
        await card.WaitForAsync();
        Assert.Contains("Tổ chức tín dụng", await card.InnerTextAsync());
        Assert.Contains("KYC onboarding", await card.InnerTextAsync());
        Assert.Equal(["Đã xem rõ", "Không"], await RowAsync(card, "Citizen.fullName"));
        Assert.Equal(["Che một phần", "Một phần"], await RowAsync(card, "Citizen.currentAddress"));
        Assert.Equal(["Bị từ chối", "Không"], await RowAsync(card, "Citizen.religion"));
        Assert.Contains("qua hồ sơ người thân", await page.Locator($"li[data-request-id=\"{childRead}\"]").InnerTextAsync());

        // :: Filters: by organisation, then by a field only the notary read.
        await page.SelectOptionAsync("#filter-organization", "Demo credit institution");
        Assert.Equal([kyc], await ShownRequestsAsync(page));
        await page.SelectOptionAsync("#filter-organization", "");
        await page.SelectOptionAsync("#filter-field", "Citizen.maritalStatus");
        Assert.Equal([deed], await ShownRequestsAsync(page));
        await page.ClickAsync("button[type=reset]");
        await page.Locator($"li[data-request-id=\"{kyc}\"]").WaitForAsync();

        // :: The CSV holds the whole history as myAccessHistory gives it (the API's newest entries are the page's own reads since).
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', CsvColumns), rows[0]);
        var api = await HistoryAsCsvRowsAsync(citizen);
        Assert.True(rows.Length - 1 > 10 && api.Count >= rows.Length - 1, $"{rows.Length} rows in the CSV, {api.Count} from the API");
        Assert.Equal(api.Skip(api.Count - (rows.Length - 1)), rows.Skip(1));
        Assert.Contains(rows, row => row.Contains(kyc, StringComparison.Ordinal) && row.Contains("Citizen.currentAddress,MASKED,PARTIAL", StringComparison.Ordinal));

        // :: Flagging with the keyboard only.
        await card.Locator("button.flag-open").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Tôi không mở tài khoản ở ngân hàng này");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator($"li[data-request-id=\"{kyc}\"] .flag").WaitForAsync();
        Assert.Contains("Tôi không đồng ý", await page.Locator($"li[data-request-id=\"{kyc}\"] .flag").InnerTextAsync());

        // :: The auditor sees the flag on the bank's entries.
        var log = await _server.QueryAsync(RegistryServer.AuditorToken(),
            "query($id: ID) { accessLog(where: { personalId: $id, organizationId: \"demo-credit-institution\" }) { nodes { requestId flags { kind reason } } } }", new { id = citizen.PersonalId });
        var flagged = log.Data.GetProperty("accessLog").GetProperty("nodes").EnumerateArray().Where(e => e.GetProperty("requestId").GetString() == kyc).ToList();
        Assert.NotEmpty(flagged);
        Assert.All(flagged, e =>
        {
            var flag = Assert.Single(e.GetProperty("flags").EnumerateArray());
            Assert.Equal(("NOT_AGREED", "Tôi không mở tài khoản ở ngân hàng này"), (flag.GetProperty("kind").GetString(), flag.GetProperty("reason").GetString()));
        });

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "citizen-page.png"), FullPage = true });

        // :: The English switch.
        await page.ClickAsync("#language");
        Assert.Equal("Who read my record", await page.InnerTextAsync("#history-title"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task Page_At360PixelsWide_HasNoHorizontalScrollAndEveryControlHasALabel()
    {
        var (citizen, _) = await _server.FatherAndChildAsync();
        await ReadAsync("demo-credit-institution", "KYC onboarding", $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName currentAddress {{ province }} }} }}");
        await using var browser = await LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true });
        await SignInAsync(page, citizen);
        await page.Locator("li.request").First.WaitForAsync();
        await page.Locator("button.flag-open").First.ClickAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "The page scrolls sideways at 360 px.");
        var unlabelled = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('input, select, textarea')].filter(c => c.labels.length === 0).map(c => c.id || c.name)");
        Assert.Empty(unlabelled);
        Assert.Empty(await page.EvaluateAsync<string[]>(LowContrastText));
        await page.Locator("li.request h3").First.EvaluateAsync("h => h.scrollIntoView()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "citizen-page-phone.png") });
    }

    [Fact]
    public async Task PageAssets_AreServedByTheServerItself_WithAStrictPolicy()
    {
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };
        using var html = await client.GetAsync("my");
        var text = await html.Content.ReadAsStringAsync();
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", html.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("https://", text);
        foreach (var script in new[] { "main.js", "api.js", "i18n.js", "history.js", "chart.js", "signin.js", "dom.js", "record.js", "flagform.js" })
        {
            using var response = await client.GetAsync("my/" + script);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        }

        using var config = JsonDocument.Parse(await client.GetStringAsync("my/config.json"));
        Assert.True(config.RootElement.GetProperty("tokenSignIn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.RootElement.GetProperty("oidc").ValueKind);
    }

    /// <summary>Every visible HTML element with text of its own whose colour is below 7:1 (WCAG AAA) on its background.</summary>
    private const string LowContrastText = """
        () => {
          const rgb = (text) => text.match(/[\d.]+/g).map(Number);
          const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
            .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
          const background = (element) => {
            for (let e = element; e; e = e.parentElement) {
              const colour = rgb(getComputedStyle(e).backgroundColor);
              if (colour.length < 4 || colour[3] > 0) return colour;
            }
            return [255, 255, 255];
          };
          return [...document.querySelectorAll('body *')]
            .filter(e => !(e instanceof SVGElement) && e.tagName !== 'OPTION' && e.checkVisibility()
              && [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
            .filter(e => {
              const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(background(e))].sort((x, y) => y - x);
              return (a + 0.05) / (b + 0.05) < 7;
            })
            .map(e => `${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 40)}`);
        }
        """;

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private async Task SignInAsync(IPage page, Citizen citizen)
    {
        await page.GotoAsync(_server.BaseAddress + "my");
        await page.FillAsync("#token", RegistryServer.CitizenToken(citizen.PersonalId));
        await page.ClickAsync("#use-token");
        await page.Locator("#record-title").WaitForAsync();
    }

    private async Task<string> ReadAsync(string organization, string purpose, string query)
    {
        var reply = await _server.QueryAsync(RegistryServer.OrganizationToken(organization, purpose: purpose), query);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.RequestId!;
    }

    private static async Task<string[]> RowAsync(ILocator card, string coordinate)
    {
        var row = card.Locator("tr", new LocatorLocatorOptions { Has = card.Page.Locator(".coordinate", new PageLocatorOptions { HasTextString = coordinate }) }).First;
        return [.. (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())];
    }

    private static async Task<string[]> ShownRequestsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#timeline li.request')].map(li => li.dataset.requestId)");

    /// <summary>The citizen's whole history through the API, each entry written as the page's CSV writes it.</summary>
    private async Task<List<string>> HistoryAsCsvRowsAsync(Citizen citizen)
    {
        var rows = new List<string>();
        string? after = null;
        while (true)
        {
            var reply = await _server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId),
                $"query($after: String) {{ myAccessHistory(first: 500, after: $after) {{ nodes {{ {HistoryColumns} }} pageInfo {{ hasNextPage endCursor }} }} }}", new { after });
            var history = reply.Data.GetProperty("myAccessHistory");
            rows.AddRange(history.GetProperty("nodes").EnumerateArray().Select(CsvRow));
            if (!history.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                return rows;
            }

            after = history.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
    }

    private static string CsvRow(JsonElement entry) => string.Join(',', CsvColumns.Select(column => column == "flags"
        ? string.Join(' ', entry.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("kind").GetString()))
        : entry.GetProperty(column) switch
        {
            { ValueKind: JsonValueKind.Null } => "",
            { ValueKind: JsonValueKind.True } => "true",
            { ValueKind: JsonValueKind.False } => "false",
            var value => CsvCell(value.GetString()!),
        }));

    private static string CsvCell(string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;
        return safe.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }

    /// <summary>The real server on a loopback socket, with token sign-in on (the tests run as Production).</summary>
    public sealed class PageServer : RegistryServer
    {
        private int _parents;

        public PageServer()
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        }

        public Uri BaseAddress { get; }

        /// <summary>A father and one of his children, a different father for each test, so each history starts empty.</summary>
        public async Task<(Citizen Father, Citizen Child)> FatherAndChildAsync()
        {
            var index = Interlocked.Increment(ref _parents);
            var fatherId = await RegistryAsync(db => db.Citizens.AsNoTracking().Where(c => c.FatherId != null).Select(c => c.FatherId!).Distinct().OrderBy(id => id).Skip(index).FirstAsync());
            var child = await RegistryAsync(db => db.Citizens.AsNoTracking().Where(c => c.FatherId == fatherId).OrderBy(c => c.PersonalId).FirstAsync());
            return (await RegistryAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.PersonalId == fatherId)), child);
        }

        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:CitizenPage:TokenSignIn", "true");
    }
}
