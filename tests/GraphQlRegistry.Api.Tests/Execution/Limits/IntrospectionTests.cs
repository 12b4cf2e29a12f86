using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace GraphQlRegistry.Api.Tests.Execution.Limits;

/// <summary><c>Registry:Security:Introspection=Off</c> refuses <c>__schema</c> and <c>__type</c> wherever they are selected.</summary>
public sealed class IntrospectionTests(IntrospectionTests.NoIntrospectionServer server) : IClassFixture<IntrospectionTests.NoIntrospectionServer>
{
    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Citizen\") { fields { name } } }")]
    [InlineData("{ ...Q } fragment Q on Query { __schema { types { name } } }")]
    [InlineData("{ ... on Query { __type(name: \"Citizen\") { name } } }")]
    [InlineData(IntrospectionQuery.Text)]
    public async Task Introspection_IsRefused(string query)
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INTROSPECTION_DISABLED", Assert.Single(reply.Errors).Code);
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task Typename_IsStillServed()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), "{ __typename }");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Query", reply.Data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task PrintedSchema_IsRefusedToo()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/sdl");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        var reply = await GraphQLReply.ReadAsync(await server.CreateClient().SendAsync(request));
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("INTROSPECTION_DISABLED", Assert.Single(reply.Errors).Code);
    }

    public sealed class NoIntrospectionServer : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:Security:Introspection", "Off");
    }
}
