using System.Text.Json;

namespace GraphQlRegistry.Api.Tests.Schema;

/// <summary>
/// Every paged list follows the GraphQL Cursor Connections spec, with <c>nodes</c> beside <c>edges</c>: a second page,
/// read after the first page's end cursor, continues where the first ended and knows it has a previous page.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ConnectionShapeTests(RegistryServer server)
{
    private const string Page = "edges { cursor node { __KEY__ } } nodes { __KEY__ } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

    [Fact]
    public async Task Citizens_PagesForwardAsAConnection() =>
        await AssertPagesAsync(RegistryServer.OrganizationToken("demo-state-agency"), "citizens", "personalId");

    [Fact]
    public async Task AccessLog_PagesForwardAsAConnection()
    {
        for (var i = 0; i < 3; i++)
        {
            await server.QueryAsync(RegistryServer.OrganizationToken("demo-telecom-provider"), "{ myEntitlements { grantId } }");
        }

        await AssertPagesAsync(RegistryServer.AuditorToken(), "accessLog", "sequence");
    }

    [Fact]
    public async Task MyAccessHistory_PagesForwardAsAConnection()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName dateOfBirth sex nationality }} }}");
        await AssertPagesAsync(RegistryServer.CitizenToken(citizen.PersonalId), "myAccessHistory", "time field");
    }

    private async Task AssertPagesAsync(string token, string list, string key)
    {
        var selection = Page.Replace("__KEY__", key);
        var first = await ReadAsync(token, $"query {{ {list}(first: 2) {{ {selection} }} }}", list);
        var firstInfo = first.GetProperty("pageInfo");
        Assert.True(firstInfo.GetProperty("hasNextPage").GetBoolean());
        Assert.False(firstInfo.GetProperty("hasPreviousPage").GetBoolean());
        AssertConsistent(first);

        var second = await ReadAsync(token, $"query($after: String) {{ {list}(first: 2, after: $after) {{ {selection} }} }}", list,
            new { after = firstInfo.GetProperty("endCursor").GetString() });
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        AssertConsistent(second);
        var firstCursors = first.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString());
        Assert.DoesNotContain(second.GetProperty("edges")[0].GetProperty("cursor").GetString(), firstCursors);
    }

    /// <summary>nodes are the edges' nodes, in order; start and end cursors are the first and last edge's.</summary>
    private static void AssertConsistent(JsonElement connection)
    {
        var edges = connection.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(2, edges.Count);
        Assert.Equal(edges.Select(e => e.GetProperty("node").GetRawText()), connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetRawText()));
        var info = connection.GetProperty("pageInfo");
        Assert.Equal(edges[0].GetProperty("cursor").GetString(), info.GetProperty("startCursor").GetString());
        Assert.Equal(edges[^1].GetProperty("cursor").GetString(), info.GetProperty("endCursor").GetString());
    }

    private async Task<JsonElement> ReadAsync(string token, string query, string list, object? variables = null)
    {
        var reply = await server.QueryAsync(token, query, variables);
        Assert.True(reply.Errors.Count == 0 && reply.HasData, reply.Body.GetRawText());
        return reply.Data.GetProperty(list);
    }
}
