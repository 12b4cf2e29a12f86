using System.Text.Json;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>
/// Through the server: a document's variables are judged the same before and after it has passed validation once (when
/// the repeat path reads them), so a cached document gives a hostile caller no different answer.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class RepeatedDocumentVariablesTests(RegistryServer server)
{
    // A text of its own, so that no other test has validated it before the first hostile request.
    private const string Query = "query RepeatedKyc($personalId: ID!, $name: String) { verifyIdentity(personalId: $personalId, fullName: $name) { personalIdExists fullNameMatches } }";

    [Theory]
    [InlineData("""{"personalId":null}""")]
    [InlineData("""{"name":"An"}""")]
    [InlineData("""{"personalId":["1"]}""")]
    [InlineData("""{"personalId":{"id":"1"}}""")]
    [InlineData("""{"personalId":"1","name":["An"]}""")]
    public async Task HostileVariables_AreRefusedAlikeOnceTheDocumentIsCached(string variables)
    {
        var token = RegistryServer.OrganizationToken("demo-credit-institution");
        var citizen = await server.CitizenWithFamilyAsync();
        var query = $"{Query} # {variables}";
        var before = await server.QueryAsync(token, query, JsonSerializer.Deserialize<JsonElement>(variables));
        var valid = await server.QueryAsync(token, query, new { personalId = citizen.PersonalId, name = citizen.FullName });
        var after = await server.QueryAsync(token, query, JsonSerializer.Deserialize<JsonElement>(variables));

        Assert.True(valid.HasData && valid.Data.GetProperty("verifyIdentity").ValueKind == JsonValueKind.Object);
        Assert.NotEmpty(before.Errors);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Body.GetProperty("errors").ToString(), after.Body.GetProperty("errors").ToString());
    }
}
