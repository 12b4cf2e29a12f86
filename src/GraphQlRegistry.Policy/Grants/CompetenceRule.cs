using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Policy.Grants;

/// <summary>Whether a grantee must sit inside the unit that the issuing authority heads.</summary>
public enum Locality
{
    Nationwide,
    WithinAuthorityUnit,
}

/// <summary>One row of the competence table: this authority may grant to this type (at this level, if given).</summary>
public sealed record CompetenceRule(
    GrantingAuthority Authority,
    OrganizationType GranteeType,
    AdministrativeLevel? GranteeLevel,
    Locality Locality);
