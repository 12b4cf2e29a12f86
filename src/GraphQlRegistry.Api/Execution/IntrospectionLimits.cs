using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// The bound for a pure introspection operation (root fields <c>__schema</c>, <c>__type</c>, <c>__typename</c> only).
/// The KYC-sized limits refuse the document every IDE and code generator sends first (graphql-js's
/// <c>getIntrospectionQuery()</c> is 15 levels deep with its 9 levels of <c>ofType</c>), so such an operation is counted
/// against its own bound instead: deep enough for that document, still finite in depth and cost, so introspection is
/// no way around the limits. Such an operation reads no citizen data.
/// </summary>
public static class IntrospectionLimits
{
    /// <summary>graphql-js's standard query is 15 deep; tools that unroll a few more <c>ofType</c> levels still fit.</summary>
    public const int MaxDepth = 20;

    /// <summary>
    /// GraphQL.NET's estimate for the standard query is 810,927 (each list counts ten times its items); a document that
    /// nests <c>fields { type { fields … } }</c> to the depth bound costs orders of magnitude more and is refused.
    /// </summary>
    public const int MaxComplexity = 2_000_000;

    public static ComplexityValidationRule Rule() => new(new ComplexityOptions { MaxDepth = MaxDepth, MaxComplexity = MaxComplexity });

    /// <summary>
    /// True when every root field the operation to run (the named one, or the only one) selects, through fragments
    /// too, is an introspection field.
    /// </summary>
    public static bool IsPureIntrospection(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return false;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var schemaFields = 0;
        return OnlyIntrospection(operation.SelectionSet, fragments, [], ref schemaFields) && schemaFields > 0;
    }

    private static bool OnlyIntrospection(GraphQLSelectionSet selections, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> visited, ref int schemaFields)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    if (name is "__schema" or "__type")
                    {
                        schemaFields++;
                    }
                    else if (name != "__typename")
                    {
                        return false;
                    }

                    break;
                case GraphQLInlineFragment inline:
                    if (!OnlyIntrospection(inline.SelectionSet, fragments, visited, ref schemaFields))
                    {
                        return false;
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    // An unknown or cyclic fragment is left to the spec's validation, under the ordinary limits.
                    var fragmentName = spread.FragmentName.Name.StringValue;
                    if (!fragments.TryGetValue(fragmentName, out var fragment) || !visited.Add(fragmentName)
                        || !OnlyIntrospection(fragment.SelectionSet, fragments, visited, ref schemaFields))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
