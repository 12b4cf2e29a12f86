using System.Net;
using System.Net.Http.Headers;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>
/// Every outcome that touches citizen data has its entries committed before it leaves, including requests that
/// select no citizen field at all: an existence check, a search that reads only cursors.
/// </summary>
public sealed class AuditedExecutorTests(RegistryServer server) : IClassFixture<RegistryServer>
{
    private static readonly CitizenPseudonym Pseudonym = new(RegistryServer.PseudonymKey);
    private static readonly string StateAgency = RegistryServer.OrganizationToken("demo-state-agency");

    [Fact]
    public async Task ExistenceCheck_WritesRequestLevelEntryForTheCitizen()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(StateAgency, $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ __typename }} }}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var entry = Assert.Single(await EntriesOf(reply.RequestId!));
        Assert.Equal((Pseudonym.Of(citizen.PersonalId), "Query.citizen", "citizen", FieldOutcome.Revealed), (entry.CitizenRef, entry.Field, entry.Path, entry.Decision));
    }

    [Fact]
    public async Task SearchSelectingOnlyCursors_WritesAnEntryPerCitizenFoundNamingTheFilterFields()
    {
        var citizen = await server.RegistryAsync(db => db.Citizens.AsNoTracking().Where(c => c.Religion != null).OrderBy(c => c.PersonalId).FirstAsync());

        var reply = await server.QueryAsync(StateAgency, "query($w: CitizenFilter) { citizens(where: $w) { edges { cursor } } }",
            new { w = new { personalId = citizen.PersonalId, religion = citizen.Religion } });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Single(reply.Data.GetProperty("citizens").GetProperty("edges").EnumerateArray());
        var entry = Assert.Single(await EntriesOf(reply.RequestId!));
        Assert.Equal((Pseudonym.Of(citizen.PersonalId), "Query.citizens", "citizens(personalId, religion)"), (entry.CitizenRef, entry.Field, entry.Path));
    }

    [Fact]
    public async Task FieldSelection_LeavesNoExtraRequestLevelEntry()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(StateAgency, $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}");

        Assert.Equal("Citizen.fullName", Assert.Single(await EntriesOf(reply.RequestId!)).Field);
    }

    [Fact]
    public async Task DeniedField_EntryCarriesItsErrorCode()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ religion }} }}");

        var entry = Assert.Single(await EntriesOf(reply.RequestId!));
        Assert.Equal((FieldOutcome.Denied, "FIELD_NOT_ENTITLED"), (entry.Decision, entry.Reason));
    }

    [Fact]
    public async Task RefusedCallerOnTheSdlEndpoint_IsLoggedLikeOnGraphQL()
    {
        var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/sdl");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-revoked"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var entry = Assert.Single(await EntriesOf(response.Headers.GetValues("X-Request-Id").Single()));
        Assert.Equal(("demo-revoked", "NO_VALID_GRANT"), (entry.OrganizationId, entry.Reason));
    }

    private Task<List<AccessLogEntry>> EntriesOf(string requestId) =>
        server.LogAsync(db => db.Entries.Where(e => e.RequestId == requestId).OrderBy(e => e.Sequence).ToListAsync());
}
