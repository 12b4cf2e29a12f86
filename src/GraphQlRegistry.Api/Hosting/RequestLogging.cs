using System.Diagnostics;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Api.Http;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// One structured line per HTTP request: request id, route, organisation, status, duration. Only values the server
/// chose or a verified token carries are written: the route pattern, never the path or query string a caller sent
/// (a GET query string holds the GraphQL document and its personal ids); a citizen caller is not named at all.
/// <see cref="RequestLines"/> writes the lines, off the request's thread.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, RequestLines lines)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var requestId = http.Response.Headers[RequestIds.Header].FirstOrDefault() ?? http.TraceIdentifier;
            var route = RegistryTelemetry.RouteOf(http);
            var organization = CallerText.Clean(http.User.FindFirst(RegistryClaims.OrganizationId)?.Value, CallerText.OrganizationIdMaxLength) ?? "-";
            RegistryMetrics.RequestAnswered(route, http.Response.StatusCode);
            lines.Add(new RequestLine(requestId, CallerText.Clean(http.Request.Method, CallerText.OperationNameMaxLength)!, route, organization,
                http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
    }
}
