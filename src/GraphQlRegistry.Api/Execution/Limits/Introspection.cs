using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary><c>Registry:Security:Introspection</c>: the whole schema, each caller's own view of it, or nothing.</summary>
public enum IntrospectionMode
{
    /// <summary>Every authenticated caller introspects the whole schema, rule directives included.</summary>
    Full,

    /// <summary>Each caller introspects the schema it may use: the same view as its <c>/graphql/sdl</c>.</summary>
    Caller,

    /// <summary>No introspection, and no <c>/graphql/sdl</c>.</summary>
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
