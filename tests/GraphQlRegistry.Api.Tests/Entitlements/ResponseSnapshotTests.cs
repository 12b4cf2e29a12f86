using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace GraphQlRegistry.Api.Tests.Entitlements;

/// <summary>
/// What a bank, a telecom and a notary receive for the same demo citizen (a married son of a three-generation family),
/// pinned as a reviewed snapshot: the notary sees the father masked and the spouse clear on one record.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ResponseSnapshotTests(RegistryServer server)
{
    [Fact]
    public async Task SameRecord_AsEachKindOfCallerReceivesIt()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var query = $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ personalId fullName nationality placeOfOrigin maritalStatus " +
            "permanentAddress { provinceCode province district street } currentAddress { provinceCode province district street } " +
            "father { personalId fullName } spouse { personalId fullName } religion } }";
        var responses = new Dictionary<string, object?>();
        foreach (var organization in new[] { "demo-credit-institution", "demo-telecom-provider", "demo-notary-organization" })
        {
            var reply = await server.QueryAsync(RegistryServer.OrganizationToken(organization), query);
            var body = JsonNode.Parse(reply.Body.GetRawText())!;

            // The one value that differs per request; the disclosure test checks it against the header.
            body["extensions"]!["disclosure"]!["requestId"] = "(request id)";
            responses[organization] = body;
        }

        Snapshot.Match(JsonSerializer.Serialize(responses, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
