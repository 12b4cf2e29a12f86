using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Policy.Grants;

/// <summary>
/// Who may grant to whom. The table is data (it is stored in the registry and loaded from there), so a change
/// of law is a change of rows; <see cref="Circular2021"/> is the table the seed regulation sets out.
/// </summary>
public sealed class CompetenceTable(IEnumerable<CompetenceRule> rules)
{
    public IReadOnlyList<CompetenceRule> Rules { get; } = rules.ToArray();

    /// <summary>
    /// Whether this authority, heading <paramref name="authorityUnit"/> (null: none, or not a known unit), may grant
    /// to the grantee: the unit must be of the level the authority heads, and some row must admit the grantee there.
    /// </summary>
    public bool IsCompetent(GrantingAuthority authority, AuthorityUnit? authorityUnit, Grantee grantee) =>
        AuthorityLevels.HeadsItsLevel(authority, authorityUnit)
        && Rules.Any(rule => rule.Authority == authority
            && rule.GranteeType == grantee.Type
            && (rule.GranteeLevel is null || rule.GranteeLevel == grantee.Level)
            && IsWithinReach(rule.Locality, authorityUnit, grantee));

    /// <summary>The authorities that may grant to this type somewhere, in the table's order.</summary>
    public IEnumerable<GrantingAuthority> AuthoritiesFor(OrganizationType type) =>
        Rules.Where(rule => rule.GranteeType == type).Select(rule => rule.Authority).Distinct();

    private static bool IsWithinReach(Locality locality, AuthorityUnit? authorityUnit, Grantee grantee) => locality switch
    {
        Locality.Nationwide => true,
        Locality.WithinAuthorityUnit => authorityUnit is not null
            && grantee.Locations.Any(location => location.Contains(authorityUnit.Code)),
    };

    public static CompetenceTable Circular2021 { get; } = new(BuildCircular2021());

    private static IEnumerable<CompetenceRule> BuildCircular2021()
    {
        var stateBodies = Enum.GetValues<OrganizationType>().Where(type => type.IsStateBody()).ToArray();

        foreach (var type in stateBodies)
        {
            yield return new(GrantingAuthority.NpdAgencyHead, type, AdministrativeLevel.Central, Locality.Nationwide);
            yield return new(GrantingAuthority.ProvincialPoliceDirector, type, AdministrativeLevel.Provincial, Locality.WithinAuthorityUnit);
            yield return new(GrantingAuthority.DistrictPoliceChief, type, AdministrativeLevel.District, Locality.WithinAuthorityUnit);
            yield return new(GrantingAuthority.DistrictPoliceChief, type, AdministrativeLevel.Commune, Locality.WithinAuthorityUnit);
        }

        yield return new(GrantingAuthority.NpdAgencyHead, OrganizationType.DigitalSignatureProvider, null, Locality.Nationwide);
        yield return new(GrantingAuthority.NpdAgencyHead, OrganizationType.ElectronicIdentificationProvider, null, Locality.Nationwide);

        yield return new(GrantingAuthority.ProvincialPoliceDirector, OrganizationType.NotaryOrganization, null, Locality.WithinAuthorityUnit);
        yield return new(GrantingAuthority.ProvincialPoliceDirector, OrganizationType.BailiffOrganization, null, Locality.WithinAuthorityUnit);
        yield return new(GrantingAuthority.ProvincialPoliceDirector, OrganizationType.PublicServiceOrganization, null, Locality.WithinAuthorityUnit);

        // Credit institutions and telecoms are "other organisations headquartered in that district" (seed reading notes).
        yield return new(GrantingAuthority.DistrictPoliceChief, OrganizationType.CreditInstitution, null, Locality.WithinAuthorityUnit);
        yield return new(GrantingAuthority.DistrictPoliceChief, OrganizationType.TelecomProvider, null, Locality.WithinAuthorityUnit);
        yield return new(GrantingAuthority.DistrictPoliceChief, OrganizationType.OtherOrganization, null, Locality.WithinAuthorityUnit);

        yield return new(GrantingAuthority.CommunePoliceChief, OrganizationType.Citizen, null, Locality.WithinAuthorityUnit);
    }
}
