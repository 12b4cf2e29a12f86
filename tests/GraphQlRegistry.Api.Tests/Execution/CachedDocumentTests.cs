using GraphQlRegistry.Api.Execution;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>A cached document knows whether it searches citizens, however the search is spelled, so the caller's comparison rule runs for it.</summary>
public sealed class CachedDocumentTests
{
    [Theory]
    [InlineData("{ citizens(first: 1) { edges { cursor } } }")]
    [InlineData("{ people: citizens { edges { cursor } } }")]
    [InlineData("query { ...F } fragment F on Query { citizens { edges { cursor } } }")]
    [InlineData("query { ... on Query { citizens { edges { cursor } } } }")]
    [InlineData("query A { me { fullName } } query B { citizens { edges { cursor } } }")]
    public void SearchesCitizens_FindsTheSearch(string query) => Assert.True(new DocumentCache().Get(query)!.SearchesCitizens);

    [Theory]
    [InlineData("query Kyc($personalId: ID!) { citizen(personalId: $personalId) { fullName } }")]
    [InlineData("{ citizens: citizen(personalId: \"001099123456\") { fullName } }")]
    public void SearchesCitizens_IsFalseWithoutTheSearch(string query) => Assert.False(new DocumentCache().Get(query)!.SearchesCitizens);
}
