using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;

namespace GraphQlRegistry.Policy.Tests.Grants;

public sealed class GrantValidityTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Grantee Bank = new(OrganizationType.CreditInstitution, null, [new UnitPath("001", "00101", "0010101")]);

    private static readonly AuthorityUnit District = new("00101", AdministrativeLevel.District);

    private static GrantTerms Terms(GrantingAuthority authority = GrantingAuthority.DistrictPoliceChief, AuthorityUnit? unit = null, int fromDays = -10, int toDays = 10, int? revokedDays = null) =>
        new(authority, authority == GrantingAuthority.DistrictPoliceChief ? unit ?? District : unit, Now.AddDays(fromDays), Now.AddDays(toDays), revokedDays is { } r ? Now.AddDays(r) : null);

    [Fact]
    public void CurrentCompetentGrant_IsValid() => Assert.Equal(GrantStatus.Valid, GrantValidity.Evaluate(Terms(), Bank, CompetenceTable.Circular2021, Now));

    [Fact]
    public void Expired_NotYetValid_Revoked_Incompetent_AreNot()
    {
        Assert.Equal(GrantStatus.Expired, GrantValidity.Evaluate(Terms(toDays: 0), Bank, CompetenceTable.Circular2021, Now));
        Assert.Equal(GrantStatus.NotYetValid, GrantValidity.Evaluate(Terms(fromDays: 1), Bank, CompetenceTable.Circular2021, Now));
        Assert.Equal(GrantStatus.Revoked, GrantValidity.Evaluate(Terms(revokedDays: -1), Bank, CompetenceTable.Circular2021, Now));
        Assert.Equal(GrantStatus.AuthorityNotCompetent, GrantValidity.Evaluate(Terms(GrantingAuthority.NpdAgencyHead, null), Bank, CompetenceTable.Circular2021, Now));
        Assert.Equal(GrantStatus.AuthorityNotCompetent, GrantValidity.Evaluate(Terms(unit: new("07901", AdministrativeLevel.District)), Bank, CompetenceTable.Circular2021, Now));
    }

    [Fact]
    public void GrantFromADistrictChiefWhoseUnitIsAProvince_CountsForNothing() =>
        Assert.Equal(GrantStatus.AuthorityNotCompetent, GrantValidity.Evaluate(Terms(unit: new("001", AdministrativeLevel.Provincial)), Bank, CompetenceTable.Circular2021, Now));

    [Fact]
    public void RevocationScheduledLater_DoesNotYetBite() =>
        Assert.Equal(GrantStatus.Valid, GrantValidity.Evaluate(Terms(revokedDays: 1), Bank, CompetenceTable.Circular2021, Now));
}
