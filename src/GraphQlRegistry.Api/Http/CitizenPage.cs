using System.Text.Json;
using GraphQlRegistry.Api.Hosting;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// The citizens' page at <c>/my</c>: their record, who read which field, and flags on what they did not ask for. Plain
/// script and style embedded by the build and served from here (no CDN). The page holds no data: it signs in (a pasted
/// development token, or the OIDC authority's authorization code flow with PKCE), then asks <c>/graphql</c> like any
/// client, so every read it shows is itself a logged, entitled request.
/// </summary>
public static class CitizenPage
{
    public const string Path = "/my";

    public static void UseCitizenPage(this WebApplication app, RegistrySettings settings)
    {
        var options = settings.Options.CitizenPage;
        if (!options.Enabled)
        {
            return;
        }

        var assets = EmbeddedAssets.Load("my/");
        var authority = settings.Options.Jwt.Authority;
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            tokenSignIn = options.TokenSignIn ?? app.Environment.IsDevelopment(),
            oidc = authority is not null && options.ClientId is not null ? new { authority, clientId = options.ClientId, scope = options.Scope } : null,
        });
        var policy = ContentSecurityPolicy(authority);
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) || !request.Path.StartsWithSegments(Path, out var rest))
            {
                await next(http);
                return;
            }

            var name = rest.Value?.TrimStart('/') ?? "";
            if (name == "config.json")
            {
                http.Response.ContentType = "application/json";
                http.Response.Headers.CacheControl = "no-store";
                await http.Response.Body.WriteAsync(config, http.RequestAborted);
            }
            else if (!await assets.TryWriteAsync(http, name.Length == 0 ? "index.html" : name, policy))
            {
                await next(http);
            }
        });
    }

    /// <summary>Script, style and requests from this server only; requests also to the OIDC authority, for discovery and the token.</summary>
    private static string ContentSecurityPolicy(string? authority)
    {
        var connect = authority is null ? "'self'" : $"'self' {new Uri(authority).GetLeftPart(UriPartial.Authority)}";
        return $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src {connect}; " +
               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }
}
