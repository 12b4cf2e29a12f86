using System.Threading.RateLimiting;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Hosting;
using GraphQL;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// A token bucket per caller (organisation, citizen, or subject; the client address when unauthenticated), sized by
/// <c>Registry:Limits:RequestsPerSecondPerCaller</c>. Over the limit: HTTP 429 with <c>RATE_LIMITED</c> and Retry-After.
/// </summary>
public static class CallerRateLimiting
{
    public const string Policy = "per-caller";

    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, RegistrySettings settings)
    {
        var perSecond = settings.Options.Limits.RequestsPerSecondPerCaller;
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(PartitionOf(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                RegistryMetrics.RateLimited();
                http.Response.Headers.RetryAfter = "1";
                var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
                await new GraphQLResponseWriter(http, serializer, ResponseFormat.Json).RefuseAsync(StatusCodes.Status429TooManyRequests, ErrorCode.RateLimited);
            };
        });
    }

    private static string PartitionOf(HttpContext http)
    {
        var user = http.User;
        return user.FindFirst(RegistryClaims.OrganizationId)?.Value is { } organization ? "org:" + organization
            : user.FindFirst(RegistryClaims.PersonalId)?.Value is { } citizen ? "citizen:" + citizen
            : user.FindFirst(RegistryClaims.Subject)?.Value is { } subject ? "sub:" + subject
            : "ip:" + http.Connection.RemoteIpAddress;
    }
}
