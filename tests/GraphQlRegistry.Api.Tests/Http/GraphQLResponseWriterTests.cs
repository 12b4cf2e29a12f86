using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Http;
using Microsoft.AspNetCore.Http;

namespace GraphQlRegistry.Api.Tests.Http;

/// <summary>An answer is rendered whole before it is sent, so it goes out in one write with its length.</summary>
public sealed class GraphQLResponseWriterTests
{
    [Fact]
    public async Task ExecutedResult_IsSentWithItsLength()
    {
        var http = Context();
        var writer = new GraphQLResponseWriter(http, new GraphQLSerializer(), ResponseFormat.GraphQLResponse);

        await writer.SendAsync(await writer.RenderAsync(new ExecutionResult { Executed = true, Data = new Dictionary<string, object?> { ["count"] = 3 } }));

        var body = Body(http);
        Assert.Equal((200, "application/graphql-response+json; charset=utf-8", body.Length), (http.Response.StatusCode, http.Response.ContentType, (int)http.Response.ContentLength!));
        Assert.Equal(3, JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Refusal_IsSentWithItsLength()
    {
        var http = Context();

        await new GraphQLResponseWriter(http, new GraphQLSerializer(), ResponseFormat.Json).RefuseAsync(StatusCodes.Status503ServiceUnavailable, ErrorCode.AuditUnavailable);

        var body = Body(http);
        Assert.Equal((503, body.Length), (http.Response.StatusCode, (int)http.Response.ContentLength!));
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.TryGetProperty("data", out _));
        Assert.Equal("AUDIT_UNAVAILABLE", root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private static DefaultHttpContext Context() => new() { Response = { Body = new MemoryStream() } };

    private static byte[] Body(HttpContext http) => ((MemoryStream)http.Response.Body).ToArray();
}
