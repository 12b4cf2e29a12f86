using GraphQlRegistry.Api.Hosting;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// GraphiQL for browsers: a <c>GET /graphql</c> that prefers <c>text/html</c> gets the IDE page, and
/// <c>/graphql/ide/{file}</c> its scripts and styles, all embedded by the build (no CDN: registries run air-gapped).
/// The page holds no data; every query it sends goes through <c>/graphql</c> with the token pasted into it.
/// On in Development; elsewhere only with <c>Registry:Ide:Enabled=true</c>.
/// </summary>
public static class IdePage
{
    public const string AssetPath = "/graphql/ide/";

    // Scripts and styles from this server only; GraphiQL sets inline styles and draws icons from data: URIs.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static bool IsEnabled(RegistryOptions options, IHostEnvironment environment) =>
        options.Ide.Enabled ?? environment.IsDevelopment();

    public static void UseRegistryIde(this WebApplication app, RegistrySettings settings)
    {
        if (!IsEnabled(settings.Options, app.Environment))
        {
            return;
        }

        var assets = EmbeddedAssets.Load("ide/");
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                await next(http);
            }
            else if (request.Path == "/graphql" && PrefersHtml(request))
            {
                await assets.TryWriteAsync(http, "index.html", ContentSecurityPolicy);
            }
            else if (!request.Path.StartsWithSegments(AssetPath.TrimEnd('/'), out var rest)
                || !await assets.TryWriteAsync(http, rest.Value?.TrimStart('/') ?? "", ContentSecurityPolicy))
            {
                await next(http);
            }
        });
    }

    /// <summary>
    /// True when the client ranks <c>text/html</c> above every JSON type it names, as a browser's navigation does
    /// (<c>text/html,…,*/*;q=0.8</c>). A tie goes to the API, so a GraphQL client that also lists HTML gets JSON.
    /// </summary>
    public static bool PrefersHtml(HttpRequest request)
    {
        double html = 0, json = 0;
        foreach (var range in request.GetTypedHeaders().Accept)
        {
            var quality = range.Quality ?? 1.0;
            var type = range.MediaType.Value?.ToLowerInvariant();
            if (type == "text/html")
            {
                html = Math.Max(html, quality);
            }
            else if (type is ResponseFormat.Json or ResponseFormat.GraphQLResponse)
            {
                json = Math.Max(json, quality);
            }
        }

        return html > json;
    }
}
