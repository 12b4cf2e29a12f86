namespace GraphQlRegistry.Policy.Fields;

/// <summary>
/// Everything the schema says about one field coordinate. A grantable field (<see cref="GrantBit"/> ≥ 0) has its
/// own <c>@entitled</c> rules and can be listed in a grant; the fields of nested types inherit the decision of
/// the field that reached them; a comparison field (identity verification) is decided as the field it compares.
/// </summary>
public sealed class FieldRule
{
    internal FieldRule(string coordinate, int grantBit, IReadOnlyList<EntitlementRule> rules, PartialRendering whenPartial, FieldRule? comparesTo)
    {
        Coordinate = coordinate;
        GrantBit = grantBit;
        Rules = rules.ToArray();
        WhenPartial = whenPartial;
        ComparesTo = comparesTo;
    }

    public string Coordinate { get; }

    public int GrantBit { get; }

    public EntitlementRule[] Rules { get; }

    public PartialRendering WhenPartial { get; }

    public FieldRule? ComparesTo { get; }

    public bool IsGrantable => GrantBit >= 0;
}
