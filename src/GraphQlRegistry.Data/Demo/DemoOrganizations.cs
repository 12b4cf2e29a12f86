using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

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
            var (authority, unit) = CompetentAuthority(type);
            grants.Add(NewGrant(organization.Id, authority, unit, fields(type, authority), scope: null));
        }

        var provincial = new Organization
        {
            Id = "demo-provincial-agency", Name = "Demo provincial agency", Type = OrganizationType.StateAgency,
            Level = AdministrativeLevel.Provincial, UnitCode = Commune,
        };
        organizations.Add(provincial);
        grants.Add(NewGrant(provincial.Id, GrantingAuthority.ProvincialPoliceDirector, Province,
            fields(OrganizationType.StateAgency, GrantingAuthority.ProvincialPoliceDirector), scope: Province));

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

    /// <summary>The authority the competence table names for a demo organisation sitting in <see cref="Commune"/>.</summary>
    private static (GrantingAuthority Authority, string? Unit) CompetentAuthority(OrganizationType type) => type switch
    {
        _ when type.IsStateBody() => (GrantingAuthority.NpdAgencyHead, null),
        OrganizationType.DigitalSignatureProvider or OrganizationType.ElectronicIdentificationProvider => (GrantingAuthority.NpdAgencyHead, null),
        OrganizationType.NotaryOrganization or OrganizationType.BailiffOrganization or OrganizationType.PublicServiceOrganization
            => (GrantingAuthority.ProvincialPoliceDirector, Province),
        _ => (GrantingAuthority.DistrictPoliceChief, District),
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
