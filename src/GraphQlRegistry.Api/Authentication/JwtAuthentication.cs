using System.Text;
using GraphQlRegistry.Api.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace GraphQlRegistry.Api.Authentication;

/// <summary>
/// Bearer tokens per SPEC §1: signature, issuer, audience, lifetime with 30 s skew, and an algorithm allow-list
/// (HS256 for the development key, RS256/ES256 for an OIDC authority; never <c>none</c>). Claims keep their JWT names.
/// </summary>
public static class JwtAuthentication
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddRegistryJwt(this IServiceCollection services, RegistrySettings settings)
    {
        var jwt = settings.Options.Jwt;
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = false;
            if (jwt.Authority is { } authority)
            {
                options.Authority = authority;
            }

            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = ClockSkew,
                NameClaimType = RegistryClaims.Subject,
                RoleClaimType = RegistryClaims.Roles,
                ValidAlgorithms = jwt.Authority is null
                    ? [SecurityAlgorithms.HmacSha256]
                    : [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                IssuerSigningKey = jwt.Authority is null ? SigningKey(settings.JwtSigningKey) : null,
            };
        });

        // The library checks lifetimes on the system clock, so the cache must read that clock too (not a configurable
        // one): a remembered token then stops being served no later than a fresh validation would refuse it.
        services.AddSingleton(_ => new ValidatedTokenCache(TimeProvider.System, jwt.MaxTokenLifetime));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<ValidatedTokenCache>((options, cache) =>
        {
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(cache);
        });
        return services;
    }

    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));
}
