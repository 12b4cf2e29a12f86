using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.AccessLog.Tests.Chain;

/// <summary>The hash covers SPEC names, not C# member names: a known request's hash is pinned, so no rename or refactor can change it.</summary>
public sealed class RequestHasherTests
{
    // SHA-256 of the canonical form, recomputed independently by pinned-request-hash.py beside this file.
    private const string PinnedHash = "f9837461fa8818f75ed612ec142c6886e496791e11c0246330d4ea9d5704cac1";

    private static readonly AccessRecord[] KnownRequest =
    [
        LogStore.Record(42, "request-1") with { Decision = FieldOutcome.Masked, Mask = FieldMask.Partial },
        LogStore.Record(43, "request-1") with { CitizenRef = null, Field = "Citizen.religion", Path = "citizen.religion", Decision = FieldOutcome.Denied, Reason = "FIELD_NOT_ENTITLED" },
    ];

    [Fact]
    public void KnownRequest_HasItsPinnedHash()
    {
        var batch = ChainLinker.Link(new ChainHead(41, RequestHasher.Genesis), KnownRequest);

        Assert.Equal(PinnedHash, Convert.ToHexStringLower(Assert.Single(batch.Requests).Hash));
        Assert.Equal(new ChainHead(43, PinnedHash), batch.Head);
    }

    [Fact]
    public void AnyChangedEntry_ChangesTheHash()
    {
        var changed = KnownRequest.ToArray();
        changed[1] = changed[1] with { Reason = null };

        var batch = ChainLinker.Link(new ChainHead(41, RequestHasher.Genesis), changed);

        Assert.NotEqual(PinnedHash, batch.Head.Hash);
    }

    [Fact]
    public void TextsRepeatedAsOneObject_HashAsIfEachWereItsOwnCopy()
    {
        // As the server records them: one pseudonym object per citizen, one coordinate object per field.
        string[] citizens = [new('a', 64), new('b', 64), new('c', 64)];
        string[] fields = ["Citizen.fullName", "Citizen.dateOfBirth", "Address.province", "Relative.fullName"];
        var shared = Enumerable.Range(0, 60).Select(i => LogStore.Record(i, "request-1") with
        {
            CitizenRef = i % 7 == 0 ? null : citizens[i / 20],
            Field = fields[i % fields.Length],
            Path = $"citizens.edges.{i / 20}.node.f{i}",
            Decision = i % 5 == 0 ? FieldOutcome.Denied : FieldOutcome.Revealed,
            Reason = i % 5 == 0 ? "FIELD_NOT_ENTITLED" : null,
        }).ToArray();
        var copied = shared.Select(r => r with { CitizenRef = Copy(r.CitizenRef), Field = Copy(r.Field), Reason = Copy(r.Reason) }).ToArray();

        var head = new ChainHead(41, RequestHasher.Genesis);

        Assert.Equal(ChainLinker.Link(head, copied).Head, ChainLinker.Link(head, shared).Head);

        static string? Copy(string? text) => text is null ? null : new string(text.AsSpan());
    }

    [Fact]
    public void StoredNames_AreTheSpecNames()
    {
        Assert.Equal("CREDIT_INSTITUTION", WireNames.Of(Policy.Organizations.OrganizationType.CreditInstitution));
        Assert.Equal("DISTRICT_POLICE_CHIEF", WireNames.Of(Policy.Grants.GrantingAuthority.DistrictPoliceChief));
        Assert.Equal("MPS_APPROVED_CONNECTION", WireNames.Of(Policy.Organizations.Channel.MpsApprovedConnection));
        Assert.Equal("REVEALED", WireNames.Of(FieldOutcome.Revealed));
        Assert.Equal("PARTIAL", WireNames.Of(FieldMask.Partial));
    }

    [Fact]
    public void EveryEnumValue_RoundTripsThroughItsStoredNameAndCode()
    {
        static void RoundTrips<T>() where T : struct, Enum =>
            Assert.All(Enum.GetValues<T>(), value => Assert.Equal(value, WireNames.Parse<T>(WireNames.Of(value))));

        RoundTrips<Policy.Organizations.OrganizationType>();
        RoundTrips<Policy.Grants.GrantingAuthority>();
        RoundTrips<Policy.Organizations.Channel>();
        RoundTrips<FieldOutcome>();
        RoundTrips<FieldMask>();
        Assert.All(Enum.GetValues<FieldOutcome>(), value => Assert.Equal(value, WireCodes.Outcome(WireCodes.Of(value))));
        Assert.All(Enum.GetValues<FieldMask>(), value => Assert.Equal(value, WireCodes.Mask(WireCodes.Of(value))));
    }

    [Fact]
    public void StoredCodes_ArePinned() =>
        Assert.Equal([0, 1, 2, 0, 1], new[] { WireCodes.Of(FieldOutcome.Revealed), WireCodes.Of(FieldOutcome.Masked), WireCodes.Of(FieldOutcome.Denied), WireCodes.Of(FieldMask.None), WireCodes.Of(FieldMask.Partial) });
}
