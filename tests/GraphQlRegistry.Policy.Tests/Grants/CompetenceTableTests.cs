using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;

namespace GraphQlRegistry.Policy.Tests.Grants;

/// <summary>
/// Every authority × level of the unit it names × grantee type × grantee level × place, against the SPEC §2 table
/// written out as a predicate.
/// </summary>
public sealed class CompetenceTableTests
{
    private static readonly UnitPath InDistrict = new("001", "00101", "0010101");
    private static readonly UnitPath Elsewhere = new("079", "07901", "0790101");

    public static TheoryData<GrantingAuthority, AdministrativeLevel?, OrganizationType, AdministrativeLevel?, bool> Cases()
    {
        var levels = new AdministrativeLevel?[] { null, AdministrativeLevel.Central, AdministrativeLevel.Provincial, AdministrativeLevel.District, AdministrativeLevel.Commune };
        var data = new TheoryData<GrantingAuthority, AdministrativeLevel?, OrganizationType, AdministrativeLevel?, bool>();
        foreach (var authority in Enum.GetValues<GrantingAuthority>())
        foreach (var unitLevel in new AdministrativeLevel?[] { null, AdministrativeLevel.Provincial, AdministrativeLevel.District, AdministrativeLevel.Commune })
        foreach (var type in Enum.GetValues<OrganizationType>())
        foreach (var level in levels)
        foreach (var local in new[] { true, false })
        {
            data.Add(authority, unitLevel, type, level, local);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Circular2021_MatchesTheSpecTable(GrantingAuthority authority, AdministrativeLevel? unitLevel, OrganizationType type, AdministrativeLevel? level, bool local)
    {
        // The officer names the unit of that level on the grantee's own chain (001 / 00101 / 0010101), or none.
        AuthorityUnit? unit = unitLevel switch
        {
            null => null,
            AdministrativeLevel.Provincial => new("001", AdministrativeLevel.Provincial),
            AdministrativeLevel.District => new("00101", AdministrativeLevel.District),
            _ => new("0010101", AdministrativeLevel.Commune),
        };
        var grantee = new Grantee(type, level, [local ? InDistrict : Elsewhere]);
        Assert.Equal(Spec(authority, unitLevel, type, level, local), CompetenceTable.Circular2021.IsCompetent(authority, unit, grantee));
    }

    private static bool Spec(GrantingAuthority authority, AdministrativeLevel? unitLevel, OrganizationType type, AdministrativeLevel? level, bool local) => authority switch
    {
        GrantingAuthority.NpdAgencyHead => (type.IsStateBody() && level == AdministrativeLevel.Central)
            || type is OrganizationType.DigitalSignatureProvider or OrganizationType.ElectronicIdentificationProvider,
        GrantingAuthority.ProvincialPoliceDirector => unitLevel == AdministrativeLevel.Provincial && local
            && ((type.IsStateBody() && level == AdministrativeLevel.Provincial)
                || type is OrganizationType.NotaryOrganization or OrganizationType.BailiffOrganization or OrganizationType.PublicServiceOrganization),
        GrantingAuthority.DistrictPoliceChief => unitLevel == AdministrativeLevel.District && local
            && ((type.IsStateBody() && level is AdministrativeLevel.District or AdministrativeLevel.Commune)
                || type is OrganizationType.CreditInstitution or OrganizationType.TelecomProvider or OrganizationType.OtherOrganization),
        GrantingAuthority.CommunePoliceChief => unitLevel == AdministrativeLevel.Commune && local && type == OrganizationType.Citizen,
    };

    [Fact]
    public void CitizenIsGrantableByTheChiefOfTheCommuneOfTheirTemporaryResidenceToo()
    {
        var citizen = new Grantee(OrganizationType.Citizen, null, [Elsewhere, InDistrict]);
        Assert.True(CompetenceTable.Circular2021.IsCompetent(GrantingAuthority.CommunePoliceChief, new("0010101", AdministrativeLevel.Commune), citizen));
    }

    [Fact]
    public void DistrictChiefNamingAProvince_GrantsNothingInIt()
    {
        var bank = new Grantee(OrganizationType.CreditInstitution, null, [InDistrict]);
        Assert.False(CompetenceTable.Circular2021.IsCompetent(GrantingAuthority.DistrictPoliceChief, new("001", AdministrativeLevel.Provincial), bank));
    }
}
