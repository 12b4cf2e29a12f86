using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace GraphQlRegistry.Api.Tests.Authentication;

/// <summary>An HS256 token over a payload written by hand, so it can hold what no token library writes: a key twice.</summary>
public static class HandMintedToken
{
    public static string Sign(string payloadJson, string key = RegistryServer.SigningKey)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(payloadJson);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>The registered claims of a token valid now for the test server, followed by <paramref name="claims"/> (JSON members).</summary>
    public static string Payload(string claims, TimeSpan? lifetime = null, bool withIssuedAt = true)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = now + (long)(lifetime ?? TimeSpan.FromMinutes(10)).TotalSeconds;
        var iat = withIssuedAt ? $"\"iat\":{now}," : "";
        return $"{{\"iss\":\"graphql-registry-dev\",\"aud\":\"graphql-registry\",{iat}\"nbf\":{now},\"exp\":{exp},{claims}}}";
    }
}
