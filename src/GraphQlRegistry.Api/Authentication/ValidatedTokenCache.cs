using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphQlRegistry.Api.Authentication;

/// <summary>
/// A token handler that remembers tokens it has fully validated, keyed by the whole token text, until their own
/// expiry: a client sends the same token for every request of its session, and checking its signature, issuer,
/// audience, lifetime and shape again each time was a visible part of a request. A hit is served only while the token
/// is unexpired by the validation clock; past that, or for any text not seen before, the full validation runs and
/// decides (with its clock skew), exactly as without the cache. Full validation ends with <see cref="TokenShape"/>: a
/// token that passed it once passes it for the rest of its life, since <c>exp − now</c> only shrinks. Failures are
/// never remembered. Bounded: when full, expired entries are swept, and a token that still finds no room is validated
/// per request.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock, TimeSpan maxLifetime, int capacity = ValidatedTokenCache.DefaultCapacity) : JsonWebTokenHandler
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, TokenValidationResult> _validated = new(StringComparer.Ordinal);

    /// <summary>How many validated tokens are remembered now (never more than the capacity).</summary>
    public int Count => _validated.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_validated.TryGetValue(token, out var remembered))
        {
            if (now < remembered.SecurityToken.ValidTo)
            {
                return Copy(remembered);
            }

            _validated.TryRemove(token, out _);
        }

        var result = RefusedWhenAmbiguous(await base.ValidateTokenAsync(token, validationParameters));
        if (result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var expiry } && now < expiry)
        {
            Remember(token, result, now);
        }

        return result.IsValid ? Copy(result) : result;
    }

    /// <summary>A token that passed validation but is ambiguous or lives too long is refused (401), with its defect.</summary>
    private TokenValidationResult RefusedWhenAmbiguous(TokenValidationResult result)
    {
        if (!result.IsValid)
        {
            return result;
        }

        var defect = result.SecurityToken is JsonWebToken token
            ? TokenShape.Check(Base64UrlEncoder.DecodeBytes(token.EncodedPayload), clock.GetUtcNow(), maxLifetime)
            : TokenDefect.NotAnObject;
        return defect == TokenDefect.None
            ? result
            : new TokenValidationResult { IsValid = false, Exception = new SecurityTokenValidationException($"The token is refused: {defect}.") };
    }

    /// <summary>Adds under a lock, so racing first requests cannot push the cache past its capacity; hits never take it.</summary>
    private void Remember(string token, TokenValidationResult result, DateTime now)
    {
        lock (_validated)
        {
            if (HasRoom(now))
            {
                _validated.TryAdd(token, result);
            }
        }
    }

    private bool HasRoom(DateTime now)
    {
        if (_validated.Count < capacity)
        {
            return true;
        }

        foreach (var (token, entry) in _validated)
        {
            if (entry.SecurityToken.ValidTo <= now)
            {
                _validated.TryRemove(token, out _);
            }
        }

        return _validated.Count < capacity;
    }

    /// <summary>Each request gets its own identity: a principal one request changes must not leak into another's.</summary>
    private static TokenValidationResult Copy(TokenValidationResult validated) => new()
    {
        IsValid = true,
        SecurityToken = validated.SecurityToken,
        ClaimsIdentity = validated.ClaimsIdentity.Clone(),
        Issuer = validated.Issuer,
        TokenType = validated.TokenType,
    };
}
