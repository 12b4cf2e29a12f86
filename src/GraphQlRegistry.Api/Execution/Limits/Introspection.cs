using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary><c>Registry:Security:Introspection</c>: the schema served to any authenticated caller, or to no one.</summary>
public enum IntrospectionMode
{
    Full,
    Off,
}

public static class Introspection
{
    /// <summary>Whether any operation or fragment selects <c>__schema</c> or <c>__type</c> (<c>__typename</c> is no introspection of the schema).</summary>
    public static bool IsRequested(GraphQLDocument document) =>
        document.Definitions.Any(definition => definition switch
        {
            GraphQLOperationDefinition operation => Selects(operation.SelectionSet),
            GraphQLFragmentDefinition fragment => Selects(fragment.SelectionSet),
            _ => false,
        });

    private static bool Selects(GraphQLSelectionSet? set) => set?.Selections.Any(selection => selection switch
    {
        GraphQLField field => field.Name.StringValue is "__schema" or "__type" || Selects(field.SelectionSet),
        GraphQLInlineFragment inline => Selects(inline.SelectionSet),
        _ => false,
    }) == true;
}
