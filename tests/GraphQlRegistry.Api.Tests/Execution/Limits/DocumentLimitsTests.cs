using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Schema;

namespace GraphQlRegistry.Api.Tests.Execution.Limits;

public sealed class DocumentLimitsTests
{
    private static readonly QueryLimits Defaults = QueryLimits.From(new RegistryOptions.LimitOptions(), GraphQLParser.Parser.Parse(SchemaRules.EmbeddedSdl()));

    /// <summary>The bomb: each fragment spreads the next twice, so <c>me</c> expands to 2^n <c>fullName</c>s.</summary>
    public static string FragmentBomb(int n) =>
        "query { me { ...F0 } }\n"
        + string.Concat(Enumerable.Range(0, n).Select(i => $"fragment F{i} on Citizen {{ fullName ...F{i + 1} ...F{i + 1} }}\n"))
        + $"fragment F{n} on Citizen {{ fullName }}";

    private static DocumentLimit Check(string query, QueryLimits? limits = null, IReadOnlyDictionary<string, object?>? variables = null, string? operationName = null) =>
        DocumentLimits.Check(GraphQLParser.Parser.Parse(query), operationName, variables, limits ?? Defaults);

    [Fact]
    public void FragmentBomb_UnderTheSpreadLimit_IsRefusedForItsCost()
    {
        Assert.Equal(DocumentLimit.Cost, Check(FragmentBomb(30), Defaults with { MaxFragmentSpreads = 1_000 }));
    }

    [Fact]
    public void FragmentBomb_WithDefaults_IsRefusedForItsSpreads()
    {
        Assert.Equal(DocumentLimit.FragmentSpreads, Check(FragmentBomb(30)));
    }

    [Fact]
    public void FragmentBomb_WithinTheCost_IsAdmitted()
    {
        // 2^11 - 1 fields plus me: under the default cost of 25,000.
        Assert.Equal(DocumentLimit.None, Check(FragmentBomb(10)));
    }

    [Fact]
    public void FragmentCycle_IsRefused()
    {
        Assert.Equal(DocumentLimit.FragmentCycle, Check("{ me { ...A } } fragment A on Citizen { fullName ...B } fragment B on Citizen { ...A }"));
    }

    [Fact]
    public void FragmentSpreadingItself_IsRefused()
    {
        Assert.Equal(DocumentLimit.FragmentCycle, Check("{ me { ...A } } fragment A on Citizen { fullName ...A }"));
    }

    [Theory]
    [InlineData(15, DocumentLimit.None)]
    [InlineData(16, DocumentLimit.Aliases)]
    public void Aliases_AreCountedUpToTheLimit(int aliases, DocumentLimit expected)
    {
        var query = "{ me { " + string.Concat(Enumerable.Range(0, aliases).Select(i => $"a{i}: fullName ")) + "} }";
        Assert.Equal(expected, Check(query));
    }

    [Fact]
    public void AliasesInsideFragments_Count()
    {
        var query = "{ me { ...A } } fragment A on Citizen { " + string.Concat(Enumerable.Range(0, 16).Select(i => $"a{i}: fullName ")) + "}";
        Assert.Equal(DocumentLimit.Aliases, Check(query));
    }

    [Theory]
    [InlineData(5, DocumentLimit.None)]
    [InlineData(6, DocumentLimit.DirectivesPerField)]
    public void DirectivesOnOneField_AreCounted(int directives, DocumentLimit expected)
    {
        var query = "{ me { fullName " + string.Concat(Enumerable.Repeat("@include(if: true) ", directives)) + "} }";
        Assert.Equal(expected, Check(query));
    }

    [Theory]
    [InlineData(15, DocumentLimit.None)]
    [InlineData(16, DocumentLimit.Depth)]
    public void Depth_CountsEveryNestedField(int depth, DocumentLimit expected)
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("a { ", depth - 1)) + "b" + new string('}', depth - 1) + " }";
        Assert.Equal(expected, Check(query));
    }

    [Fact]
    public void DepthThroughFragments_Counts()
    {
        var query = "{ a { ...F } } fragment F on T { b { c { d { e { f { g { h { i { j { k { l { m { n { o { p } } } } } } } } } } } } } } }";
        Assert.Equal(DocumentLimit.Depth, Check(query));
    }

    [Theory]
    [InlineData("{ citizens(first: 500) { edges { node { FIELDS } } } }", DocumentLimit.Cost)]
    [InlineData("{ citizens(first: 10) { edges { node { FIELDS } } } }", DocumentLimit.None)]
    [InlineData("{ citizens { edges { node { FIELDS } } } }", DocumentLimit.None)]
    [InlineData("{ a: citizens(first: 300) { edges { node { FIELDS } } } }", DocumentLimit.None)]
    [InlineData("{ a: citizens(first: 300) { edges { node { FIELDS } } } b: citizens(first: 300) { edges { node { FIELDS } } } }", DocumentLimit.Cost)]
    public void ListFields_MultiplyByTheirPageSize(string template, DocumentLimit expected)
    {
        // A node of 60 fields costs 62 with its edge: 500 x 62 is over 25,000, 300 x 62 under it, twice that over.
        var fields = string.Join(' ', Enumerable.Repeat("fullName", 60).Select((f, i) => $"{f}{i}"));
        Assert.Equal(expected, Check(template.Replace("FIELDS", fields), Defaults with { MaxAliases = 100 }));
    }

    [Theory]
    [InlineData(10, DocumentLimit.None)]
    [InlineData(500, DocumentLimit.Cost)]
    public void PageSizeFromAVariable_IsPriced(int first, DocumentLimit expected)
    {
        var fields = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"f{i}"));
        var query = $"query Q($n: Int) {{ citizens(first: $n) {{ edges {{ node {{ {fields} }} }} }} }}";
        Assert.Equal(expected, Check(query, variables: new Dictionary<string, object?> { ["n"] = first }));
    }

    [Fact]
    public void PageSizeFromAVariableDefault_IsPriced()
    {
        var fields = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"f{i}"));
        var query = $"query Q($n: Int = 500) {{ citizens(first: $n) {{ edges {{ node {{ {fields} }} }} }} }}";
        Assert.Equal(DocumentLimit.Cost, Check(query));
    }

    [Fact]
    public void HugePageSize_IsPricedAtTheSpecMaximum()
    {
        Assert.Equal(DocumentLimit.None, Check("{ citizens(first: 99999999999999999999) { edges { node { personalId } } } }"));
    }

    [Fact]
    public void LargeVariables_AreRefused()
    {
        var variables = new Dictionary<string, object?> { ["v"] = new string('x', 20_000) };
        Assert.Equal(DocumentLimit.VariablesSize, Check("query Q($v: String) { __typename }", variables: variables));
    }

    [Fact]
    public void ManyVariableValues_AreRefused()
    {
        var variables = new Dictionary<string, object?> { ["v"] = Enumerable.Range(0, 20_000).Cast<object?>().ToList() };
        Assert.Equal(DocumentLimit.VariablesSize, Check("query Q($v: [Int]) { __typename }", variables: variables));
    }

    [Fact]
    public void StandardIntrospectionQuery_IsAdmitted()
    {
        Assert.Equal(DocumentLimit.None, Check(IntrospectionQuery.Text));
    }

    [Fact]
    public void OperationNotRun_IsStillPricedWhenNoneIsSelected()
    {
        var query = "query A { __typename } query B { me { ...F0 } } " + FragmentBomb(30)[("query { me { ...F0 } }".Length)..];
        Assert.Equal(DocumentLimit.Cost, Check(query, Defaults with { MaxFragmentSpreads = 1_000 }));
    }

    [Fact]
    public void OnlyTheSelectedOperation_IsPriced()
    {
        var query = "query A { __typename } query B { me { ...F0 } } " + FragmentBomb(30)[("query { me { ...F0 } }".Length)..];
        Assert.Equal(DocumentLimit.None, Check(query, Defaults with { MaxFragmentSpreads = 1_000 }, operationName: "A"));
    }
}
