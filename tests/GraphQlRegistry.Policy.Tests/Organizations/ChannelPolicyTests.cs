using GraphQlRegistry.Policy.Citizens;
using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;

namespace GraphQlRegistry.Policy.Tests.Organizations;

public sealed class ChannelPolicyTests
{
    [Theory]
    [InlineData(OrganizationType.StateAgency, "NationalPortal MpsPortal OneStopSystem WrittenRequest")]
    [InlineData(OrganizationType.PoliticalOrganization, "NationalPortal MpsPortal OneStopSystem WrittenRequest")]
    [InlineData(OrganizationType.CreditInstitution, "NationalPortal MpsPortal WrittenRequest MpsApprovedConnection")]
    [InlineData(OrganizationType.NotaryOrganization, "NationalPortal MpsPortal WrittenRequest MpsApprovedConnection")]
    [InlineData(OrganizationType.Citizen, "NationalPortal MpsPortal WrittenRequest Sms")]
    public void PermittedChannels_AreThoseOfTheSeed(OrganizationType type, string permitted)
    {
        var expected = permitted.Split(' ').Select(Enum.Parse<Channel>).ToHashSet();
        foreach (var channel in Enum.GetValues<Channel>())
        {
            Assert.Equal(expected.Contains(channel), ChannelPolicy.IsPermitted(type, channel));
        }
    }
}

public sealed class RowRuleTests
{
    private static readonly CitizenRow Row = new("001085123456", new UnitPath("001", "00101", "0010101"), new UnitPath("079", "07901", "0790102"));

    [Theory]
    [InlineData(null, RowOutcome.Allowed)]
    [InlineData("001", RowOutcome.Allowed)]
    [InlineData("0790102", RowOutcome.Allowed)]
    [InlineData("07902", RowOutcome.OutOfJurisdiction)]
    [InlineData("048", RowOutcome.OutOfJurisdiction)]
    public void ScopedGrant_ReachesCitizensLivingInItsUnit(string? scope, RowOutcome expected) =>
        Assert.Equal(expected, RowRule.Check(OrganizationType.StateAgency, null, scope, Row));

    [Fact]
    public void Citizen_ReachesOnlyTheirOwnRecord()
    {
        Assert.Equal(RowOutcome.Allowed, RowRule.Check(OrganizationType.Citizen, "001085123456", null, Row));
        Assert.Equal(RowOutcome.NotOwnRecord, RowRule.Check(OrganizationType.Citizen, "001085123457", null, Row));
        Assert.Equal(RowOutcome.NotOwnRecord, RowRule.Check(OrganizationType.Citizen, null, null, Row));
    }
}
