using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GraphQlRegistry.Api.Tests.Http;

/// <summary>Issue 8, finding 12: the request body's media type is matched exactly, and a batch is refused by name.</summary>
[Collection(SharedServer.Name)]
public sealed class GraphQLHttpRequestTests(RegistryServer server)
{
    private const string Body = "{\"query\":\"{ __typename }\"}";

    private async Task<GraphQLReply> PostAsync(string body, string mediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        return await GraphQLReply.ReadAsync(await server.CreateClient().SendAsync(request));
    }

    [Theory]
    [InlineData("application/jsonx")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/jsonl")]
    public async Task Post_WithAMediaTypeThatOnlyStartsLikeJson_Is415(string mediaType)
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync(Body, mediaType)).Status);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON")]
    public async Task Post_WithJson_IsServed(string mediaType)
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body, mediaType)).Status);
    }

    [Theory]
    [InlineData("[" + Body + "," + Body + "]")]
    [InlineData(" \n [" + Body + "]")]
    public async Task Post_AJsonArray_Is400SayingBatchingIsNotSupported(string body)
    {
        var reply = await PostAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("Batching is not supported", reply.Body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task Post_InvalidJson_Is400NotValidJson()
    {
        var reply = await PostAsync("{\"query\":", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("not valid JSON", reply.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
