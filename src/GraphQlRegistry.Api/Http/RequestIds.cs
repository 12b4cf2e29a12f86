namespace GraphQlRegistry.Api.Http;

/// <summary>Every answer names its request: the id in this header is the one the access log records.</summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";

    public static string Assign(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString("N");
        http.Response.Headers[Header] = requestId;
        return requestId;
    }
}
