using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Http;

/// <summary>The named types an SDL's root types reach through fields, arguments and input fields.</summary>
public static class TypeReachability
{
    public static HashSet<string> From(IReadOnlyList<ASTNode> definitions, IEnumerable<string> roots)
    {
        var types = definitions.OfType<GraphQLTypeDefinition>().ToDictionary(t => t.Name.StringValue, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name) || !types.TryGetValue(name, out var type))
            {
                continue;
            }

            foreach (var referenced in References(type))
            {
                pending.Push(referenced);
            }
        }

        return reached;
    }

    private static IEnumerable<string> References(GraphQLTypeDefinition type) => type switch
    {
        GraphQLObjectTypeDefinition obj => (obj.Fields?.Items ?? [])
            .SelectMany(f => (f.Arguments?.Items ?? []).Select(a => a.Type).Prepend(f.Type))
            .Select(NamedType),
        GraphQLInputObjectTypeDefinition input => (input.Fields?.Items ?? []).Select(f => NamedType(f.Type)),
        _ => [],
    };

    private static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNamedType named => named.Name.StringValue,
        GraphQLListType list => NamedType(list.Type),
        GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        _ => throw new InvalidOperationException("A type reference is named, a list or non-null."),
    };
}
