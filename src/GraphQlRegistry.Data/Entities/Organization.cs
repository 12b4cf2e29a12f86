using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Data.Entities;

/// <summary>A registered organisation. Its type, level and location are the registry's, never a token's.</summary>
public sealed class Organization
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required OrganizationType Type { get; set; }

    /// <summary>The administrative level of a state body; null for other organisations.</summary>
    public AdministrativeLevel? Level { get; set; }

    /// <summary>The unit of its head office (a commune, district or province code).</summary>
    public required string UnitCode { get; set; }
}
