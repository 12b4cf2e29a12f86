using System.Net;
using System.Text.RegularExpressions;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.AccessLog;

/// <summary>The exact entries known queries write (SPEC §5), and what the log must never hold.</summary>
[Collection(SharedServer.Name)]
public sealed partial class AccessLogEntriesTests(RegistryServer server)
{
    private static readonly CitizenPseudonym Pseudonym = new(RegistryServer.PseudonymKey);

    private Task<List<AccessLogEntry>> EntriesOf(string requestId) =>
        server.LogAsync(db => db.Entries.Where(e => e.RequestId == requestId).OrderBy(e => e.Sequence).ToListAsync());

    [Fact]
    public async Task BankKycLookup_WritesEighteenEntriesWithDecisionsAndMasks()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution", purpose: "KYC onboarding"),
            $"query Kyc {{ citizen(personalId: \"{citizen.PersonalId}\") {{ personalId fullName dateOfBirth sex nationality placeOfOrigin " +
            "permanentAddress { provinceCode province district commune street } currentAddress { provinceCode province district commune street } } }");
        Assert.Empty(reply.Errors);

        var entries = await EntriesOf(reply.RequestId!);
        Assert.Equal(18, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("demo-credit-institution", e.OrganizationId);
            Assert.Equal(Policy.Organizations.OrganizationType.CreditInstitution, e.OrganizationType);
            Assert.Equal("grant-demo-credit-institution", e.GrantId);
            Assert.Equal(Policy.Grants.GrantingAuthority.DistrictPoliceChief, e.GrantAuthority);
            Assert.Equal(Policy.Organizations.Channel.NationalPortal, e.Channel);
            Assert.Equal("KYC onboarding", e.Purpose);
            Assert.Equal("Kyc", e.OperationName);
            Assert.Equal(Pseudonym.Of(citizen.PersonalId), e.CitizenRef);
        });

        var byPath = entries.ToDictionary(e => e.Path!, e => (e.Field, e.Decision, e.Mask));
        Assert.Equal(("Citizen.fullName", FieldOutcome.Revealed, FieldMask.None), byPath["citizen.fullName"]);
        Assert.Equal(("Address.street", FieldOutcome.Revealed, FieldMask.None), byPath["citizen.permanentAddress.street"]);
        Assert.Equal(("Citizen.currentAddress", FieldOutcome.Masked, FieldMask.Partial), byPath["citizen.currentAddress"]);
        Assert.Equal(("Address.province", FieldOutcome.Revealed, FieldMask.None), byPath["citizen.currentAddress.province"]);
        Assert.Equal(("Address.street", FieldOutcome.Masked, FieldMask.Partial), byPath["citizen.currentAddress.street"]);
        Assert.Equal(8, entries.Count(e => e.Field!.StartsWith("Citizen.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NotaryReadingParents_LogsMaskedRelativeFields()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-notary-organization"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ religion father {{ personalId fullName }} }} }}");
        var entries = await EntriesOf(reply.RequestId!);
        Assert.Equal(
            [
                ("Citizen.religion", "citizen.religion", FieldOutcome.Denied, FieldMask.None),
                ("Citizen.father", "citizen.father", FieldOutcome.Masked, FieldMask.Partial),
                ("Relative.personalId", "citizen.father.personalId", FieldOutcome.Masked, FieldMask.Partial),
                ("Relative.fullName", "citizen.father.fullName", FieldOutcome.Masked, FieldMask.Partial),
            ],
            entries.Where(e => e.CitizenRef == Pseudonym.Of(citizen.PersonalId))
                .Select(e => (e.Field, e.Path, e.Decision, e.Mask)).Select(t => (t.Field!, t.Path!, t.Decision, t.Mask)).ToList());
    }

    [Fact]
    public async Task StateAgencyListingAPage_LogsEachFieldOfEachRow()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"),
            "{ citizens(first: 3, order: [{ field: FULL_NAME }]) { edges { node { personalId fullName } } } }");
        var entries = await EntriesOf(reply.RequestId!);
        Assert.Equal(6, entries.Count);
        Assert.Equal(["citizens.edges.0.node.personalId", "citizens.edges.0.node.fullName", "citizens.edges.1.node.personalId",
            "citizens.edges.1.node.fullName", "citizens.edges.2.node.personalId", "citizens.edges.2.node.fullName"], entries.Select(e => e.Path));
        Assert.Equal(3, entries.Select(e => e.CitizenRef).Distinct().Count());
        Assert.All(entries, e => Assert.Equal(FieldOutcome.Revealed, e.Decision));
    }

    [Fact]
    public async Task EntryPaths_CarryTheCallersAliases_AndListIndexesOfEveryWidth()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"),
            "{ rows: citizens(first: 101) { e: edges { n: node { name: fullName } } } }");
        var paths = (await EntriesOf(reply.RequestId!)).Select(e => e.Path).ToList();
        Assert.Equal(101, paths.Count);
        Assert.Equal(["rows.e.0.n.name", "rows.e.9.n.name", "rows.e.10.n.name", "rows.e.99.n.name", "rows.e.100.n.name"],
            new[] { 0, 9, 10, 99, 100 }.Select(i => paths[i]));
    }

    [Fact]
    public async Task CitizenReadingOwnRecord_IsLoggedByPseudonymOnly()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), "{ me { fullName religion } }");
        Assert.Empty(reply.Errors);
        var entries = await EntriesOf(reply.RequestId!);
        Assert.Equal(["Citizen.fullName", "Citizen.religion"], entries.Select(e => e.Field));
        Assert.All(entries, e =>
        {
            Assert.Equal(Pseudonym.Of(citizen.PersonalId), e.CitizenRef);
            Assert.Equal(Pseudonym.Of(citizen.PersonalId), e.Subject);
            Assert.Equal(Policy.Organizations.OrganizationType.Citizen, e.OrganizationType);
        });
    }

    [Fact]
    public async Task RequestRefusedAsAWhole_LeavesOneEntryWithItsCode()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-expired"), "{ myEntitlements { grantId } }");
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        var entry = Assert.Single(await EntriesOf(reply.RequestId!));
        Assert.Equal("NO_VALID_GRANT", entry.Reason);
        Assert.Equal(FieldOutcome.Denied, entry.Decision);
        Assert.Equal("demo-expired", entry.OrganizationId);
    }

    [Fact]
    public async Task OperationRefusedToTheCaller_LeavesAnEntryWithQueryNotPermitted()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-telecom-provider"), "{ citizens { edges { cursor } } }");
        Assert.Equal(("QUERY_NOT_PERMITTED", "citizens"), Assert.Single(reply.Errors));
        var entry = Assert.Single(await EntriesOf(reply.RequestId!));
        Assert.Equal(("Query.citizens", FieldOutcome.Denied, "QUERY_NOT_PERMITTED"), (entry.Field, entry.Decision, entry.Reason));
    }

    [Fact]
    public async Task IdentityCheck_LogsEachMatchResult()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-electronic-identification-provider"),
            $"{{ verifyIdentity(personalId: \"{citizen.PersonalId}\", fullName: \"{citizen.FullName}\") {{ personalIdExists fullNameMatches dateOfBirthMatches }} }}");
        Assert.Empty(reply.Errors);
        var entries = await EntriesOf(reply.RequestId!);
        Assert.Equal(["IdentityVerification.personalIdExists", "IdentityVerification.fullNameMatches", "IdentityVerification.dateOfBirthMatches"], entries.Select(e => e.Field));
        Assert.All(entries, e => Assert.Equal((FieldOutcome.Revealed, Pseudonym.Of(citizen.PersonalId)), (e.Decision, e.CitizenRef)));
    }

    [Fact]
    public async Task PersonalIdsInCallerText_AreRedactedBeforeLogging()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency", purpose: $"checking {citizen.PersonalId}"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ _{citizen.PersonalId}: fullName }} }}");
        var entry = Assert.Single(await EntriesOf(reply.RequestId!));
        Assert.Equal("checking [redacted]", entry.Purpose);
        Assert.Equal("citizen._[redacted]", entry.Path);
    }

    [Fact]
    public async Task TheLog_HoldsNoPersonalIdAnywhere()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), "{ me { personalId father { personalId } } }");
        await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ spouse {{ personalId }} }} }}");
        var entries = await server.LogAsync(db => db.Entries.ToListAsync());
        var text = string.Join('\n', entries.Select(e => string.Join('|', e.RequestId, e.OperationName, e.Subject, e.OrganizationId, e.GrantId, e.Purpose, e.CitizenRef, e.Field, e.Path, e.Reason)));
        Assert.DoesNotMatch(TwelveDigits(), text);
    }

    [GeneratedRegex(@"(?<![0-9a-f])\d{12}(?![0-9a-f])")]
    private static partial Regex TwelveDigits();
}
