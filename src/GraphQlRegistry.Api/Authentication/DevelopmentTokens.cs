using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphQlRegistry.Api.Authentication;

/// <summary>Mints HS256 tokens with the development key: for the CLI, the README example and the tests.</summary>
public static class DevelopmentTokens
{
    public static string Mint(string signingKey, string issuer, string audience, IEnumerable<KeyValuePair<string, object>> claims, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            Claims = claims.ToDictionary(c => c.Key, c => c.Value),
            SigningCredentials = new SigningCredentials(JwtAuthentication.SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
