using System.Security.Claims;
using GraphQlRegistry.Api.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace GraphQlRegistry.Api.Tests.Authentication;

/// <summary>The cache of validated tokens serves a token only while it is unexpired, never a failure, never past its bound.</summary>
public sealed class ValidatedTokenCacheTests
{
    private const string Claims = "\"sub\":\"svc\",\"org_id\":\"demo-state-agency\",\"channel\":\"NATIONAL_PORTAL\"";
    private readonly SettableClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task RememberedToken_PastItsExpiry_IsRefused()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1));
        var token = Token(TimeSpan.FromMinutes(1));
        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(1, cache.Count);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var late = await cache.ValidateTokenAsync(token, Parameters());

        Assert.False(late.IsValid);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task RememberedToken_WithinItsLifetime_IsServedAgain()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1));
        var token = Token(TimeSpan.FromMinutes(10));
        await cache.ValidateTokenAsync(token, Parameters());

        _clock.Advance(TimeSpan.FromMinutes(9));

        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
    }

    [Fact]
    public async Task TokenWithAnotherSignature_IsNotServedFromTheCache()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1));
        var token = Token(TimeSpan.FromMinutes(10));
        await cache.ValidateTokenAsync(token, Parameters());
        var forged = HandMintedToken.Sign(token.Split('.')[1] is var payload ? Base64UrlEncoder.Decode(payload) : "", "another-key-that-is-long-enough-for-hs256-0123456789");

        var result = await cache.ValidateTokenAsync(forged, Parameters());

        Assert.False(result.IsValid);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task SignedTokenWithAClaimGivenTwice_IsRefusedWithItsDefect_EveryTime()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1));
        var ambiguous = HandMintedToken.Sign(HandMintedToken.Payload(Claims + ",\"org_id\":\"demo-telecom-provider\""));

        var first = await cache.ValidateTokenAsync(ambiguous, Parameters());
        var second = await cache.ValidateTokenAsync(ambiguous, Parameters());

        Assert.All([first, second], result =>
        {
            Assert.False(result.IsValid);
            Assert.Contains(nameof(TokenDefect.DuplicateClaim), result.Exception.Message, StringComparison.Ordinal);
        });
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task SignedTokenLivingLongerThanAllowed_IsRefused()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromMinutes(5));

        var result = await cache.ValidateTokenAsync(Token(TimeSpan.FromMinutes(10)), Parameters());

        Assert.False(result.IsValid);
        Assert.Contains(nameof(TokenDefect.LifetimeTooLong), result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedToken_IsNotRemembered()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1));
        var wrongAudience = HandMintedToken.Sign(HandMintedToken.Payload(Claims).Replace("\"aud\":\"graphql-registry\"", "\"aud\":\"elsewhere\"", StringComparison.Ordinal));

        Assert.False((await cache.ValidateTokenAsync(wrongAudience, Parameters())).IsValid);
        Assert.False((await cache.ValidateTokenAsync(wrongAudience, Parameters())).IsValid);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task ManyDistinctTokens_StayWithinTheCapacity_AndAreAllValidated()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1), capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            var token = HandMintedToken.Sign(HandMintedToken.Payload($"\"sub\":\"svc-{i}\",\"org_id\":\"demo-state-agency\",\"channel\":\"NATIONAL_PORTAL\""));
            Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        }

        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public async Task ExpiredEntries_MakeRoomForNewTokens()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1), capacity: 1);
        await cache.ValidateTokenAsync(Token(TimeSpan.FromMinutes(1)), Parameters());
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True((await cache.ValidateTokenAsync(Token(TimeSpan.FromMinutes(30)), Parameters())).IsValid);

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task EachValidation_GetsItsOwnIdentity()
    {
        var cache = new ValidatedTokenCache(_clock, TimeSpan.FromDays(1));
        var token = Token(TimeSpan.FromMinutes(10));
        var first = await cache.ValidateTokenAsync(token, Parameters());
        first.ClaimsIdentity.AddClaim(new Claim("roles", "auditor"));

        var second = await cache.ValidateTokenAsync(token, Parameters());

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.False(second.ClaimsIdentity.HasClaim("roles", "auditor"));
    }

    private static string Token(TimeSpan lifetime) => HandMintedToken.Sign(HandMintedToken.Payload(Claims, lifetime));

    /// <summary>
    /// The server's validation rules (see <see cref="JwtAuthentication"/>), with the library's lifetime rule (expiry and
    /// not-before, each with the clock skew) evaluated on the test's clock, as the cache is.
    /// </summary>
    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "graphql-registry-dev",
        ValidAudience = "graphql-registry",
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKey = JwtAuthentication.SigningKey(RegistryServer.SigningKey),
        ClockSkew = JwtAuthentication.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            return expires is { } expiry && now < expiry + JwtAuthentication.ClockSkew && (notBefore is not { } start || start <= now + JwtAuthentication.ClockSkew);
        },
    };

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
