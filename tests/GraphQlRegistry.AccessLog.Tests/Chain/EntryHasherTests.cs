using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Tests.Chain;

/// <summary>The hash covers SPEC names, not C# member names: a known entry's hash is pinned, so no rename or refactor can change it.</summary>
public sealed class EntryHasherTests
{
    // SHA-256 of the canonical form written out by hand (lengths, UTF-8, SPEC names such as CREDIT_INSTITUTION, MASKED).
    private const string PinnedHash = "005c2cfc6ca2559f801704929e22bc3601aafa2ed217ef669e473e7409fe4fe0";

    [Fact]
    public void KnownEntry_HasItsPinnedHash()
    {
        var entry = AccessLogEntry.Link(LogStore.Record(42, "request-1") with { Decision = Policy.Fields.FieldOutcome.Masked, Mask = Policy.Fields.FieldMask.Partial }, 42, EntryHasher.Genesis);

        Assert.Equal(PinnedHash, entry.Hash);
    }

    [Fact]
    public void StoredNames_AreTheSpecNames()
    {
        Assert.Equal("CREDIT_INSTITUTION", WireNames.Of(Policy.Organizations.OrganizationType.CreditInstitution));
        Assert.Equal("DISTRICT_POLICE_CHIEF", WireNames.Of(Policy.Grants.GrantingAuthority.DistrictPoliceChief));
        Assert.Equal("MPS_APPROVED_CONNECTION", WireNames.Of(Policy.Organizations.Channel.MpsApprovedConnection));
        Assert.Equal("REVEALED", WireNames.Of(Policy.Fields.FieldOutcome.Revealed));
        Assert.Equal("PARTIAL", WireNames.Of(Policy.Fields.FieldMask.Partial));
    }

    [Fact]
    public void EveryEnumValue_RoundTripsThroughItsStoredName()
    {
        static void RoundTrips<T>() where T : struct, Enum =>
            Assert.All(Enum.GetValues<T>(), value => Assert.Equal(value, WireNames.Parse<T>(WireNames.Of(value))));

        RoundTrips<Policy.Organizations.OrganizationType>();
        RoundTrips<Policy.Grants.GrantingAuthority>();
        RoundTrips<Policy.Organizations.Channel>();
        RoundTrips<Policy.Fields.FieldOutcome>();
        RoundTrips<Policy.Fields.FieldMask>();
    }
}
