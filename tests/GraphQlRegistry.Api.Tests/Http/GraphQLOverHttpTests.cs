using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GraphQlRegistry.Api.Tests.Http;

[Collection(SharedServer.Name)]
public sealed class GraphQLOverHttpTests(RegistryServer server)
{
    private const string Query = "{ citizen(personalId: \"001000000001\") { personalId } }";

    [Fact]
    public async Task Post_WithoutToken_Is401Unauthenticated()
    {
        var reply = await server.QueryAsync(null, Query);
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("UNAUTHENTICATED", Assert.Single(reply.Errors).Code);
        Assert.False(reply.HasData);
    }

    [Theory]
    [InlineData("signed-with-another-key")]
    [InlineData("for-another-audience")]
    [InlineData("from-another-issuer")]
    [InlineData("expired")]
    [InlineData("garbage")]
    public async Task Post_WithBadToken_Is401Unauthenticated(string kind)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "x", ["org_id"] = "demo-state-agency", ["channel"] = "NATIONAL_PORTAL" };
        var token = kind switch
        {
            "signed-with-another-key" => RegistryServer.Token(claims, key: "another-key-that-is-also-long-enough-0123456789"),
            "for-another-audience" => GraphQlRegistry.Api.Authentication.DevelopmentTokens.Mint(RegistryServer.SigningKey, "graphql-registry-dev", "another-api", claims, TimeSpan.FromMinutes(5)),
            "from-another-issuer" => GraphQlRegistry.Api.Authentication.DevelopmentTokens.Mint(RegistryServer.SigningKey, "someone-else", "graphql-registry", claims, TimeSpan.FromMinutes(5)),
            "expired" => RegistryServer.Token(claims, lifetime: TimeSpan.FromMinutes(-5)),
            _ => "not.a.token",
        };
        var reply = await server.QueryAsync(token, Query);
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("UNAUTHENTICATED", Assert.Single(reply.Errors).Code);
    }

    [Fact]
    public async Task Post_WithUnsignedAlgNoneToken_Is401()
    {
        static string Segment(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var token = $"{Segment(new { alg = "none", typ = "JWT" })}.{Segment(new { sub = "x", org_id = "demo-state-agency", channel = "NATIONAL_PORTAL", iss = "graphql-registry-dev", aud = "graphql-registry", exp })}.";
        var reply = await server.QueryAsync(token, Query);
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task Get_Query_IsServed()
    {
        var id = (await server.CitizenWithFamilyAsync()).PersonalId;
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString($"{{ citizen(personalId: \"{id}\") {{ personalId }} }}"));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        var reply = await GraphQLReply.ReadAsync(await server.CreateClient().SendAsync(request));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/graphql-response+json", reply.ContentType);
        Assert.Equal(id, reply.Data.GetProperty("citizen").GetProperty("personalId").GetString());
    }

    [Fact]
    public async Task Get_Mutation_Is405()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { revokeGrant(id: \"x\", reason: \"y\") { id } }"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OfficerToken("NPD_AGENCY_HEAD", null));
        var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_MalformedDocument_Is400WithoutData()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), "{ citizen(personalId: ");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotEmpty(reply.Errors);
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task Post_ValidationErrorAcceptingOnlyJson_Is200WithoutData()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ noSuchField }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        request.Headers.Accept.ParseAdd("application/json");
        var reply = await GraphQLReply.ReadAsync(await server.CreateClient().SendAsync(request));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task Post_FromALegacyClientNamingNoMediaType_IsAnsweredInJson()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        var reply = await GraphQLReply.ReadAsync(await server.CreateClient().SendAsync(request));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
    }

    [Fact]
    public async Task Post_WithUnsupportedContentType_Is415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(Query, Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await server.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_AcceptingNothingWeServe_Is406()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ me { personalId } }\"}", Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, (await server.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_HugeDocument_Is413DocumentTooLarge()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), "{ __typename }" + new string(' ', 70_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", Assert.Single(reply.Errors).Code);
    }

    [Fact]
    public async Task Post_DeeplyNestedQuery_IsRefusedAsTooComplex()
    {
        // Introspection is held to the same depth bound as any document (DocumentLimits); this goes past it.
        var deep = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 20)) + "{ name }" + new string('}', 20) + " } } } }";
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), deep);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(reply.Errors, e => e.Code == "QUERY_TOO_COMPLEX");
    }
}
