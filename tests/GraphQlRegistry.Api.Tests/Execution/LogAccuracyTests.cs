using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>The log says what happened: who was disclosed (relatives too), what was not delivered, who administered grants.</summary>
public sealed class LogAccuracyTests(RegistryServer server) : IClassFixture<RegistryServer>
{
    private static readonly CitizenPseudonym Pseudonym = new(RegistryServer.PseudonymKey);

    [Fact]
    public async Task RelativesDisclosedFields_AreLoggedUnderTheRelativesOwnReferenceToo()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-notary-organization"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ religion father {{ personalId fullName }} }} }}");

        var aboutFather = (await EntriesOf(reply.RequestId!)).Where(e => e.CitizenRef == Pseudonym.Of(citizen.FatherId!))
            .Select(e => (e.Field, e.Path, e.Decision, e.Mask)).ToList();
        Assert.Equal(
            [
                ("Relative.personalId", "citizen.father.personalId", FieldOutcome.Masked, FieldMask.Partial),
                ("Relative.fullName", "citizen.father.fullName", FieldOutcome.Masked, FieldMask.Partial),
            ],
            aboutFather);
    }

    [Fact]
    public async Task RelativesDisclosure_ShowsInTheRelativesOwnHistory()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ mother {{ fullName }} }} }}");

        var history = await server.QueryAsync(RegistryServer.CitizenToken(citizen.MotherId!), "{ myAccessHistory(first: 50) { nodes { field organizationName decision } } }");

        Assert.Contains(history.Data.GetProperty("myAccessHistory").GetProperty("nodes").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "Relative.fullName" && e.GetProperty("decision").GetString() == "REVEALED");
    }

    [Fact]
    public async Task IssuingAndRevokingAGrant_AreLogged()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var unit = citizen.PermanentCommuneCode!;
        var officer = RegistryServer.OfficerToken("COMMUNE_POLICE_CHIEF", unit);
        var issued = await server.QueryAsync(officer, "mutation($input: IssueGrantInput!) { issueGrant(input: $input) { id } }", new
        {
            input = new { citizenPersonalId = citizen.PersonalId, validFrom = "2025-01-01T00:00:00Z", validTo = "2030-01-01T00:00:00Z", fields = new[] { "Citizen.fullName" } },
        });
        var grantId = issued.Data.GetProperty("issueGrant").GetProperty("id").GetString()!;
        var revoked = await server.QueryAsync(officer, $"mutation {{ revokeGrant(id: \"{grantId}\", reason: \"test\") {{ id }} }}");

        var issue = Assert.Single(await EntriesOf(issued.RequestId!));
        var revoke = Assert.Single(await EntriesOf(revoked.RequestId!));
        Assert.Equal(("Mutation.issueGrant", $"issueGrant({grantId})", Pseudonym.Of(citizen.PersonalId)), (issue.Field, issue.Path, issue.CitizenRef));
        Assert.Equal(("Mutation.revokeGrant", $"revokeGrant({grantId})"), (revoke.Field, revoke.Path));
    }

    private Task<List<AccessLogEntry>> EntriesOf(string requestId) =>
        server.LogAsync(db => db.Entries.Where(e => e.RequestId == requestId).OrderBy(e => e.Sequence).ToListAsync());
}
