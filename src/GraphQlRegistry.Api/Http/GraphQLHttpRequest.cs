using System.Net.Http.Headers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace GraphQlRegistry.Api.Http;

/// <summary>Reads a GraphQL-over-HTTP request: GET query string or POST <c>application/json</c> body.</summary>
public static class GraphQLHttpRequest
{
    public const string JsonMediaType = "application/json";

    public static async Task<(GraphQLRequest? Request, int? FailureStatus, string? Failure)> ReadAsync(HttpContext http, IGraphQLTextSerializer serializer, int maxBytes)
    {
        if (HttpMethods.IsGet(http.Request.Method))
        {
            return FromQueryString(http.Request.Query, serializer);
        }

        if (!IsJson(http.Request.ContentType))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "POST requests must be application/json.");
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, null);
        }

        try
        {
            using var limited = new LimitedReadStream(http.Request.Body, maxBytes);
            using var body = new MemoryStream();
            await limited.CopyToAsync(body, http.RequestAborted);
            if (IsArray(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                return (null, StatusCodes.Status400BadRequest, "Batching is not supported: send one request object, not an array.");
            }

            body.Position = 0;
            var request = await serializer.ReadAsync<GraphQLRequest>(body, http.RequestAborted);
            return request?.Query is { Length: > 0 } ? (request, null, null) : (null, StatusCodes.Status400BadRequest, "The request has no query.");
        }
        catch (DocumentTooLargeException)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, null);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest, "The body is not valid JSON.");
        }
        catch (BadHttpRequestException)
        {
            return (null, StatusCodes.Status400BadRequest, "The body ended early.");
        }
    }

    /// <summary><c>application/json</c> exactly, parameters (a charset) allowed: <c>application/jsonx</c> is not JSON.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, JsonMediaType, StringComparison.OrdinalIgnoreCase);

    private static bool IsArray(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] == (byte)'[';
    }

    private static (GraphQLRequest?, int?, string?) FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        if (query["query"].ToString() is not { Length: > 0 } text)
        {
            return (null, StatusCodes.Status400BadRequest, "The request has no query.");
        }

        try
        {
            return (new GraphQLRequest
            {
                Query = text,
                OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = query["variables"].ToString() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = query["extensions"].ToString() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            }, null, null);
        }
        catch (JsonException)
        {
            return (null, StatusCodes.Status400BadRequest, "variables or extensions is not valid JSON.");
        }
    }

    private sealed class DocumentTooLargeException : Exception;

    /// <summary>Fails a read past the limit, so a body without (or lying about) its length cannot exhaust memory.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new DocumentTooLargeException() : read;
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
