using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.Api.Http;

/// <summary>Every answer names its request: the id in this header is the one the access log records.</summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";

    public static string Assign(HttpContext http)
    {
        var requestId = NewId();
        http.Response.Headers[Header] = requestId;
        return requestId;
    }

    /// <summary>
    /// A random id that redaction leaves whole. About one random hex id in fifteen holds a run of twelve digits, which
    /// <see cref="CallerText"/> takes for a personal id wherever the id is logged as text (a flag's entry names the
    /// flagged request in its path): such an id is drawn again rather than recorded redacted.
    /// </summary>
    private static string NewId()
    {
        while (true)
        {
            var id = Guid.NewGuid().ToString("N");
            if (CallerText.Clean(id, id.Length) == id)
            {
                return id;
            }
        }
    }
}
