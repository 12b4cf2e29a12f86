namespace GraphQlRegistry.Policy.Fields;

/// <summary>What the schema's directives say of one field, before the table is checked and frozen.</summary>
public sealed record FieldRuleDefinition(
    string Coordinate,
    IReadOnlyList<EntitlementRule> Rules,
    PartialRendering WhenPartial = PartialRendering.Hidden,
    string? ComparesTo = null);
