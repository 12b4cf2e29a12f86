using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>Counts, in one walk over the text, the aliases and fragment spreads of a document and the directives of each node.</summary>
internal sealed class DocumentText(QueryLimits limits)
{
    private int _aliases;
    private int _spreads;

    public static DocumentLimit Check(GraphQLDocument document, QueryLimits limits)
    {
        var counter = new DocumentText(limits);
        foreach (var definition in document.Definitions)
        {
            var verdict = definition switch
            {
                GraphQLOperationDefinition operation => counter.Directives(operation.Directives) ?? counter.VariableDirectives(operation) ?? counter.Selections(operation.SelectionSet),
                GraphQLFragmentDefinition fragment => counter.Directives(fragment.Directives) ?? counter.Selections(fragment.SelectionSet),
                _ => null,
            };
            if (verdict is { } refused)
            {
                return refused;
            }
        }

        return DocumentLimit.None;
    }

    private DocumentLimit? VariableDirectives(GraphQLOperationDefinition operation)
    {
        foreach (var variable in operation.Variables?.Items ?? [])
        {
            if (Directives(variable.Directives) is { } refused)
            {
                return refused;
            }
        }

        return null;
    }

    private DocumentLimit? Selections(GraphQLSelectionSet? set)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            var verdict = selection switch
            {
                GraphQLField field => Alias(field) ?? Directives(field.Directives) ?? Selections(field.SelectionSet),
                GraphQLFragmentSpread spread => Spread() ?? Directives(spread.Directives),
                GraphQLInlineFragment inline => Directives(inline.Directives) ?? Selections(inline.SelectionSet),
                _ => null,
            };
            if (verdict is not null)
            {
                return verdict;
            }
        }

        return null;
    }

    private DocumentLimit? Alias(GraphQLField field) =>
        field.Alias is not null && ++_aliases > limits.MaxAliases ? DocumentLimit.Aliases : null;

    private DocumentLimit? Spread() => ++_spreads > limits.MaxFragmentSpreads ? DocumentLimit.FragmentSpreads : null;

    private DocumentLimit? Directives(GraphQLDirectives? directives) =>
        directives is not null && directives.Items.Count > limits.MaxDirectivesPerField ? DocumentLimit.DirectivesPerField : null;
}
