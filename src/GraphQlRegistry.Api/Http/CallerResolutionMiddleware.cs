using GraphQlRegistry.Api.Callers;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// Resolves the caller once, after authentication and before rate limiting, for endpoints marked
/// <see cref="CallerRequired"/>: whatever the transport, every later step reads the same <see cref="ICallerFeature"/>.
/// An unauthenticated request gets no feature; its endpoint answers 401.
/// </summary>
public sealed class CallerResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, CallerResolver callers)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<CallerRequired>() is not null && http.User.Identity?.IsAuthenticated == true)
        {
            http.Features.Set<ICallerFeature>(new CallerFeature(await callers.ResolveAsync(http.User, http.RequestAborted)));
        }

        await next(http);
    }
}
