using System.Net;
using GraphQlRegistry.Api.Tests.Execution.Limits;

namespace GraphQlRegistry.Api.Tests.Entitlements;

/// <summary>
/// Issue 8's hostile documents, each from a caller with a valid grant: every one is refused with its precise code,
/// never with HTTP 500 and never with data.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class HostileInputCorpusTests(RegistryServer server)
{
    private static readonly string ManyFields = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"f{i}: fullName"));

    public static TheoryData<string, string, HttpStatusCode, string> Corpus() => new()
    {
        { "fragment bomb n=30", DocumentLimitsTests.FragmentBomb(30), HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "fragment bomb n=20 (within the spread limit)", DocumentLimitsTests.FragmentBomb(20), HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "fragment cycle", "{ me { ...A } } fragment A on Citizen { fullName ...B } fragment B on Citizen { ...A }", HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "16 aliases", "{ me { " + string.Concat(Enumerable.Range(0, 16).Select(i => $"a{i}: fullName ")) + "} }", HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "6 directives on a field", "{ me { fullName" + string.Concat(Enumerable.Repeat(" @include(if: true)", 6)) + " } }", HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "nesting past the parser", "{ " + string.Concat(Enumerable.Repeat("me { father { ", 100)) + "personalId" + new string('}', 200) + " }", HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "nesting past the depth limit", "{ me { " + string.Concat(Enumerable.Repeat("householdHead { head { ", 8)) + "personalId" + new string('}', 16) + " } }", HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "a page of 500 times 60 fields", "{ citizens(first: 500) { edges { node { " + ManyFields + " } } } }", HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX" },
        { "a 70 KB document", "{ __typename }" + new string(' ', 70_000), HttpStatusCode.RequestEntityTooLarge, "DOCUMENT_TOO_LARGE" },
        { "a syntax error", "{ me { fullName ", HttpStatusCode.BadRequest, "SYNTAX_ERROR" },
        { "an unknown field", "{ me { fullName nickname } }", HttpStatusCode.BadRequest, "FIELDS_ON_CORRECT_TYPE" },
        { "an unknown fragment", "{ me { ...Nowhere } }", HttpStatusCode.BadRequest, "KNOWN_FRAGMENT_NAMES" },
        { "two anonymous operations", "{ me { fullName } } { me { sex } }", HttpStatusCode.BadRequest, "NO_OPERATION_NAME" },
        { "a filter on religion by a bank", "{ citizens(where: { religion: \"Không\" }) { edges { cursor } } }", HttpStatusCode.BadRequest, "FIELD_NOT_ENTITLED" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task HostileDocument_IsRefusedWithItsCode(string name, string query, HttpStatusCode status, string code)
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), query);
        Assert.True(reply.Status == status, $"{name}: {(int)reply.Status} {reply.Body.GetRawText()}");
        Assert.False(reply.HasData, name);
        Assert.Equal(code, reply.Errors[0].Code);
    }

    [Fact]
    public async Task HugeVariables_AreRefusedAsTooComplex()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"),
            "query Q($v: [String]) { __typename }", new { v = Enumerable.Repeat("x", 10_000).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", Assert.Single(reply.Errors).Code);
    }
}
