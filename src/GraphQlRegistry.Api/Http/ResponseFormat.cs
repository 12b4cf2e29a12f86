using Microsoft.Net.Http.Headers;

namespace GraphQlRegistry.Api.Http;

/// <summary>Content negotiation of the GraphQL-over-HTTP spec.</summary>
public static class ResponseFormat
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer in, or null when the client accepts neither (406). A client that names no type, or
    /// any type, is treated as a legacy client and gets <c>application/json</c>, as the spec asks.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return Json;
        }

        string? chosen = null;
        var best = -1.0;
        foreach (var range in accept)
        {
            var candidate = Match(range);
            var quality = range.Quality ?? 1.0;
            if (candidate is not null && quality > 0 && quality > best)
            {
                chosen = candidate;
                best = quality;
            }
        }

        return chosen;
    }

    private static string? Match(MediaTypeHeaderValue range) => range.MediaType.Value?.ToLowerInvariant() switch
    {
        GraphQLResponse => GraphQLResponse,
        Json => Json,
        "application/*" or "*/*" => Json,
        _ => null,
    };
}
