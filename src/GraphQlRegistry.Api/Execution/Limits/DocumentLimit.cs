namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>Which limit a document broke; <see cref="None"/> when it keeps them all.</summary>
public enum DocumentLimit
{
    None,
    Depth,
    Aliases,
    DirectivesPerField,
    FragmentSpreads,
    FragmentCycle,
    Cost,
    VariablesSize,
}

/// <summary>The wording of each refusal: it names the limit and its value, never anything from the document.</summary>
public static class DocumentLimitMessages
{
    public static string Describe(this DocumentLimit limit, QueryLimits limits) => limit switch
    {
        DocumentLimit.None => "",
        DocumentLimit.Depth => $"Fields nest deeper than {limits.MaxDepth}.",
        DocumentLimit.Aliases => $"More than {limits.MaxAliases} aliases.",
        DocumentLimit.DirectivesPerField => $"More than {limits.MaxDirectivesPerField} directives on one selection.",
        DocumentLimit.FragmentSpreads => $"More than {limits.MaxFragmentSpreads} fragment spreads.",
        DocumentLimit.FragmentCycle => "Fragments spread each other in a cycle.",
        DocumentLimit.Cost => $"The expanded selection costs more than {limits.MaxCost}.",
        DocumentLimit.VariablesSize => $"The variables are larger than {limits.MaxVariablesSize}.",
    };
}
