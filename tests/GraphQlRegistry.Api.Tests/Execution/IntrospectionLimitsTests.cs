using GraphQlRegistry.Api.Execution;

namespace GraphQlRegistry.Api.Tests.Execution;

public sealed class IntrospectionLimitsTests
{
    [Theory]
    [InlineData("{ __schema { types { name } } }", true)]
    [InlineData("{ __type(name: \"Citizen\") { fields { name } } __typename }", true)]
    [InlineData("query { ...Root } fragment Root on Query { __schema { queryType { name } } }", true)]
    [InlineData("{ ... on Query { __schema { types { name } } } }", true)]
    [InlineData("{ __typename }", false)]
    [InlineData("{ __schema { types { name } } citizen(personalId: \"1\") { fullName } }", false)]
    [InlineData("query { ...Root } fragment Root on Query { __schema { queryType { name } } me { fullName } }", false)]
    [InlineData("query { ...Missing }", false)]
    public void IsPureIntrospection_OnlyWhenEveryRootFieldIsIntrospection(string query, bool pure)
    {
        Assert.Equal(pure, IntrospectionLimits.IsPureIntrospection(GraphQLParser.Parser.Parse(query), operationName: null));
    }

    [Theory]
    [InlineData("IntrospectionQuery", true)]
    [InlineData("Kyc", false)]
    [InlineData(null, false)]
    public void IsPureIntrospection_JudgesTheOperationThatRuns(string? operationName, bool pure)
    {
        const string query = "query IntrospectionQuery { __schema { types { name } } } query Kyc { me { fullName } }";
        Assert.Equal(pure, IntrospectionLimits.IsPureIntrospection(GraphQLParser.Parser.Parse(query), operationName));
    }
}
