using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// Static files the build embeds into the assembly under one prefix (<c>ide/</c>, <c>my/</c>), served by the server
/// itself with a content security policy: registries run air-gapped, so no page of ours loads anything from a CDN.
/// </summary>
public sealed class EmbeddedAssets
{
    private readonly FrozenDictionary<string, Asset> _assets;

    private EmbeddedAssets(FrozenDictionary<string, Asset> assets) => _assets = assets;

    public static EmbeddedAssets Load(string prefix)
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        return new EmbeddedAssets(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[prefix.Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return new Asset(ContentTypeOf(name), buffer.ToArray());
            }));
    }

    /// <summary>Writes the named asset (the body only for GET); false when there is no such asset.</summary>
    public async Task<bool> TryWriteAsync(HttpContext http, string name, string contentSecurityPolicy)
    {
        if (!_assets.TryGetValue(name, out var asset))
        {
            return false;
        }

        var headers = http.Response.Headers;
        headers.ContentType = asset.ContentType;
        headers[HeaderNames.ContentSecurityPolicy] = contentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentLength = asset.Content.Length;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(asset.Content, http.RequestAborted);
        }

        return true;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        var extension => throw new InvalidOperationException($"The embedded asset {name} has an unknown extension {extension}."),
    };

    private sealed record Asset(string ContentType, byte[] Content);
}
