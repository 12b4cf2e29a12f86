using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;

namespace GraphQlRegistry.Policy.Tests.Grants;

/// <summary>Every authority × grantee type × level × place, against the SPEC §2 table written out as a predicate.</summary>
public sealed class CompetenceTableTests
{
    private static readonly UnitPath InDistrict = new("001", "00101", "0010101");
    private static readonly UnitPath Elsewhere = new("079", "07901", "0790101");

    public static TheoryData<GrantingAuthority, OrganizationType, AdministrativeLevel?, bool> Cases()
    {
        var data = new TheoryData<GrantingAuthority, OrganizationType, AdministrativeLevel?, bool>();
        foreach (var authority in Enum.GetValues<GrantingAuthority>())
        foreach (var type in Enum.GetValues<OrganizationType>())
        foreach (var level in new AdministrativeLevel?[] { null, AdministrativeLevel.Central, AdministrativeLevel.Provincial, AdministrativeLevel.District, AdministrativeLevel.Commune })
        foreach (var local in new[] { true, false })
        {
            data.Add(authority, type, level, local);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Circular2021_MatchesTheSpecTable(GrantingAuthority authority, OrganizationType type, AdministrativeLevel? level, bool local)
    {
        var unit = authority switch
        {
            GrantingAuthority.NpdAgencyHead => null,
            GrantingAuthority.ProvincialPoliceDirector => "001",
            GrantingAuthority.DistrictPoliceChief => "00101",
            GrantingAuthority.CommunePoliceChief => "0010101",
        };
        var grantee = new Grantee(type, level, [local ? InDistrict : Elsewhere]);
        Assert.Equal(Spec(authority, type, level, local), CompetenceTable.Circular2021.IsCompetent(authority, unit, grantee));
    }

    private static bool Spec(GrantingAuthority authority, OrganizationType type, AdministrativeLevel? level, bool local) => authority switch
    {
        GrantingAuthority.NpdAgencyHead => (type.IsStateBody() && level == AdministrativeLevel.Central)
            || type is OrganizationType.DigitalSignatureProvider or OrganizationType.ElectronicIdentificationProvider,
        GrantingAuthority.ProvincialPoliceDirector => local && ((type.IsStateBody() && level == AdministrativeLevel.Provincial)
            || type is OrganizationType.NotaryOrganization or OrganizationType.BailiffOrganization or OrganizationType.PublicServiceOrganization),
        GrantingAuthority.DistrictPoliceChief => local && ((type.IsStateBody() && level is AdministrativeLevel.District or AdministrativeLevel.Commune)
            || type is OrganizationType.CreditInstitution or OrganizationType.TelecomProvider or OrganizationType.OtherOrganization),
        GrantingAuthority.CommunePoliceChief => local && type == OrganizationType.Citizen,
    };

    [Fact]
    public void CitizenIsGrantableByTheChiefOfTheCommuneOfTheirTemporaryResidenceToo()
    {
        var citizen = new Grantee(OrganizationType.Citizen, null, [Elsewhere, InDistrict]);
        Assert.True(CompetenceTable.Circular2021.IsCompetent(GrantingAuthority.CommunePoliceChief, "0010101", citizen));
    }
}
