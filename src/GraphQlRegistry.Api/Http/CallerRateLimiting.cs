using System.Threading.RateLimiting;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Hosting;
using GraphQL;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// A token bucket per caller (organisation, citizen, or subject, as resolved once for the request; the client address
/// when unauthenticated), sized by
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

    /// <summary>The caller the registry established (see <see cref="ICallerFeature"/>), else the client address.</summary>
    private static string PartitionOf(HttpContext http) => http.Features.Get<ICallerFeature>()?.Resolution switch
    {
        { Caller: DataCaller { OrganizationId: { } organization } } => "org:" + organization,
        { Caller: DataCaller { OwnCitizenRef: { } citizen } } => "citizen:" + citizen,
        { Caller: { } caller } => "sub:" + caller.Subject,
        { Refusal: { } refusal } => "refused:" + (refusal.OrganizationId ?? refusal.Subject),
        _ => "ip:" + http.Connection.RemoteIpAddress,
    };
}
