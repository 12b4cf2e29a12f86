using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Data.Entities;

/// <summary>A stored row of the competence table, so that a change of law is a change of data.</summary>
public sealed class GrantingCompetence
{
    public int Id { get; init; }

    public required GrantingAuthority Authority { get; init; }

    public required OrganizationType GranteeType { get; init; }

    public AdministrativeLevel? GranteeLevel { get; init; }

    public required Locality Locality { get; init; }

    public CompetenceRule ToRule() => new(Authority, GranteeType, GranteeLevel, Locality);
}
