using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;

namespace GraphQlRegistry.Data.Demo;

/// <summary>The demo organisations of SPEC §6 and their grants. All sit in Hà Nội (province 001, district 00101).</summary>
public static class DemoOrganizations
{
    public const string Province = "001";
    public const string District = "00101";
    public const string Commune = "0010101";

    public static readonly DateTimeOffset IssuedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ValidTo = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><c>CREDIT_INSTITUTION</c> → <c>demo-credit-institution</c>.</summary>
    public static string IdOf(OrganizationType type) => "demo-" + KebabCase(type.ToString());

    public static (IReadOnlyList<Organization> Organizations, IReadOnlyList<Grant> Grants) Create(GrantableFields fields)
    {
        var organizations = new List<Organization>();
        var grants = new List<Grant>();

        foreach (var type in Enum.GetValues<OrganizationType>().Where(t => t != OrganizationType.Citizen))
        {
            var organization = new Organization
            {
                Id = IdOf(type),
                Name = $"Demo {SpacedName(type)}",
                Type = type,
                Level = type.IsStateBody() ? AdministrativeLevel.Central : null,
                UnitCode = Commune,
            };
            organizations.Add(organization);
            var (authority, unit) = CompetentAuthority(organization);
            grants.Add(NewGrant(organization.Id, authority, unit, fields(type, authority), scope: null));
        }

        var provincial = new Organization
        {
            Id = "demo-provincial-agency", Name = "Demo provincial agency", Type = OrganizationType.StateAgency,
            Level = AdministrativeLevel.Provincial, UnitCode = Commune,
        };
        organizations.Add(provincial);
        var (provincialAuthority, provincialUnit) = CompetentAuthority(provincial);
        grants.Add(NewGrant(provincial.Id, provincialAuthority, provincialUnit, fields(OrganizationType.StateAgency, provincialAuthority), scope: Province));

        var bankFields = fields(OrganizationType.CreditInstitution, GrantingAuthority.DistrictPoliceChief);
        foreach (var id in new[] { "demo-revoked", "demo-expired", "demo-incompetent" })
        {
            organizations.Add(new Organization { Id = id, Name = $"Demo bank ({id[5..]})", Type = OrganizationType.CreditInstitution, UnitCode = Commune });
        }

        grants.Add(NewGrant("demo-revoked", GrantingAuthority.DistrictPoliceChief, District, bankFields, scope: null));
        grants[^1].RevokedAt = IssuedAt.AddDays(30);
        grants[^1].RevocationReason = "Demo: revoked after an inspection.";
        grants.Add(new Grant
        {
            Id = "grant-demo-expired", OrganizationId = "demo-expired", Authority = GrantingAuthority.DistrictPoliceChief,
            AuthorityUnitCode = District, IssuedAt = IssuedAt.AddYears(-5), ValidFrom = IssuedAt.AddYears(-5), ValidTo = IssuedAt.AddYears(-1),
            Fields = Grant.JoinFields(bankFields), Purpose = "Demo: an expired permit.",
        });

        // The head of the NPD agency is not competent for credit institutions: this grant must count for nothing.
        grants.Add(NewGrant("demo-incompetent", GrantingAuthority.NpdAgencyHead, null, bankFields, scope: null));
        return (organizations, grants);
    }

    /// <summary>
    /// The first authority, from the top down, that the competence table lets grant to this organisation where it sits
    /// (<see cref="Commune"/>); the table stays the only statement of who may grant to whom.
    /// </summary>
    private static (GrantingAuthority Authority, string? Unit) CompetentAuthority(Organization organization)
    {
        var grantee = new Grantee(organization.Type, organization.Level, [new UnitPath(Province, District, Commune)]);
        foreach (var authority in Enum.GetValues<GrantingAuthority>())
        {
            var unit = UnitHeadedBy(authority);
            if (CompetenceTable.Circular2021.IsCompetent(authority, unit, grantee))
            {
                return (authority, unit?.Code);
            }
        }

        throw new InvalidOperationException($"No authority may grant to {organization.Id}.");
    }

    /// <summary>The unit each authority heads, in the demo: the one the demo organisations sit in.</summary>
    private static AuthorityUnit? UnitHeadedBy(GrantingAuthority authority) => authority switch
    {
        GrantingAuthority.NpdAgencyHead => null,
        GrantingAuthority.ProvincialPoliceDirector => new AuthorityUnit(Province, AdministrativeLevel.Provincial),
        GrantingAuthority.DistrictPoliceChief => new AuthorityUnit(District, AdministrativeLevel.District),
        GrantingAuthority.CommunePoliceChief => new AuthorityUnit(Commune, AdministrativeLevel.Commune),
    };

    private static Grant NewGrant(string organizationId, GrantingAuthority authority, string? unit, IEnumerable<string> fields, string? scope) => new()
    {
        Id = "grant-" + organizationId,
        OrganizationId = organizationId,
        Authority = authority,
        AuthorityUnitCode = unit,
        IssuedAt = IssuedAt,
        ValidFrom = IssuedAt,
        ValidTo = ValidTo,
        Fields = Grant.JoinFields(fields),
        ScopeUnitCode = scope,
        Purpose = "Demo permit",
    };

    private static string KebabCase(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    private static string SpacedName(OrganizationType type) => KebabCase(type.ToString()).Replace('-', ' ');
}
