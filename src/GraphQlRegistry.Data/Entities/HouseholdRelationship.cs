namespace GraphQlRegistry.Data.Entities;

/// <summary>A citizen's relationship to the head of their household.</summary>
public enum HouseholdRelationship
{
    Self,
    Spouse,
    Child,
    Parent,
    Other,
}
