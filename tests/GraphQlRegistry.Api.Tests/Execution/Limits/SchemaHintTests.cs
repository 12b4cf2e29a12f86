using System.Net;

namespace GraphQlRegistry.Api.Tests.Execution.Limits;

/// <summary>Outside Development, validation messages suggest no field names a caller could use to map the schema.</summary>
[Collection(SharedServer.Name)]
public sealed class SchemaHintTests(RegistryServer server)
{
    [Theory]
    [InlineData("{ citizen(personalId: \"001085123456\") { religon } }")]
    [InlineData("{ citizen(personalId: \"001085123456\") { fullNme } }")]
    [InlineData("{ citizen(personalid: \"001085123456\") { fullName } }")]
    [InlineData("{ citizn(personalId: \"001085123456\") { fullName } }")]
    public async Task MisspeltName_IsRefusedWithoutSuggestions(string query)
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.False(reply.HasData);
        Assert.All(reply.Body.GetProperty("errors").EnumerateArray(), error =>
        {
            Assert.DoesNotContain("Did you mean", error.GetProperty("message").GetString());
            Assert.True(error.TryGetProperty("locations", out _));
        });
    }
}
