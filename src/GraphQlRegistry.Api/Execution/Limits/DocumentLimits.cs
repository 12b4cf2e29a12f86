using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>
/// Decides, before validation and execution, whether a parsed document keeps the limits, in time linear in its size.
/// A pure function of (document, operation name, variables, limits): no schema object, no caller, no I/O, no throw.
/// The expanded selection is priced with each fragment priced once (memoised), so a document whose fragments spread
/// each other twice per level (2^n fields after expansion) costs n steps to refuse, where GraphQL.NET's complexity
/// rule walks every expansion. Every count stops as soon as its limit is passed.
/// </summary>
public static class DocumentLimits
{
    public const string PageSizeArgument = "first";

    public static DocumentLimit Check(GraphQLDocument document, string? operationName, IReadOnlyDictionary<string, object?>? variables, QueryLimits limits)
    {
        // :: Step 1: the variables, before anything reads them.
        if (variables is not null && !VariablesSize.Fits(variables, limits.MaxVariablesSize))
        {
            return DocumentLimit.VariablesSize;
        }

        // :: Step 2: what the text holds (aliases, directives on one selection, fragment spreads), in one walk. This
        // also bounds how deep fragments can spread into one another, and so the recursion of step 3.
        var text = DocumentText.Check(document, limits);
        if (text != DocumentLimit.None)
        {
            return text;
        }

        // :: Step 3: the expanded selection of the operation that runs: its cost and depth.
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);

        // With no operation to run, the executor refuses the request; every operation is priced anyway, with one
        // memo, so that refusal too comes after linear work.
        var pricer = new SelectionPricer(document, selected, variables, limits);
        foreach (var operation in selected is null ? operations : [selected])
        {
            var verdict = pricer.Price(operation);
            if (verdict != DocumentLimit.None)
            {
                return verdict;
            }
        }

        return DocumentLimit.None;
    }
}
