using System.Collections.Frozen;
using GraphQlRegistry.Api.Hosting;
using Microsoft.Net.Http.Headers;

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

        var assets = LoadAssets();
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                await next(http);
            }
            else if (request.Path == "/graphql" && PrefersHtml(request))
            {
                await WriteAsync(http, assets["index.html"]);
            }
            else if (request.Path.StartsWithSegments(AssetPath.TrimEnd('/'), out var rest) && assets.TryGetValue(rest.Value?.TrimStart('/') ?? "", out var asset))
            {
                await WriteAsync(http, asset);
            }
            else
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

    private static async Task WriteAsync(HttpContext http, IdeAsset asset)
    {
        var headers = http.Response.Headers;
        headers.ContentType = asset.ContentType;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-cache";
        headers.ContentLength = asset.Content.Length;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(asset.Content, http.RequestAborted);
        }
    }

    private static FrozenDictionary<string, IdeAsset> LoadAssets()
    {
        const string prefix = "ide/";
        var assembly = typeof(IdePage).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[prefix.Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return new IdeAsset(ContentTypeOf(name), buffer.ToArray());
            });
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        var extension => throw new InvalidOperationException($"The IDE asset {name} has an unknown extension {extension}."),
    };

    private sealed record IdeAsset(string ContentType, byte[] Content);
}
