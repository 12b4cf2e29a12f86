namespace GraphQlRegistry.Policy.Units;

/// <summary>
/// Where something sits in the administrative hierarchy: its province and, where known, district and commune.
/// Containment is read off the path, never off the shape of a code, so units stay data.
/// </summary>
public readonly record struct UnitPath(string Province, string? District = null, string? Commune = null)
{
    public bool Contains(string unitCode) =>
        unitCode == Province || unitCode == District || unitCode == Commune;
}
