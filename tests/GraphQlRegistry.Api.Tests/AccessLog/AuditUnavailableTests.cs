using System.Net;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.AccessLog;

/// <summary>Fail closed: when the log store cannot be written, no citizen data leaves.</summary>
public sealed class AuditUnavailableTests : IClassFixture<ImpatientServer>
{
    private readonly ImpatientServer _server;

    public AuditUnavailableTests(ImpatientServer server) => _server = server;

    [Fact]
    public async Task LockedLogStore_Gives503AuditUnavailableAndNoData_ThenRecovers()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var query = $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}";
        var token = RegistryServer.OrganizationToken("demo-state-agency");
        Assert.Equal(HttpStatusCode.OK, (await _server.QueryAsync(token, query)).Status);

        await using (await _server.HoldLogWriteLockAsync())
        {
            var reply = await _server.QueryAsync(token, query);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
            Assert.Equal("AUDIT_UNAVAILABLE", Assert.Single(reply.Errors).Code);
            Assert.False(reply.HasData);
            Assert.DoesNotContain(citizen.FullName!, reply.Body.GetRawText());
        }

        var recovered = await _server.QueryAsync(token, query);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Equal(citizen.FullName, recovered.Data.GetProperty("citizen").GetProperty("fullName").GetString());
    }

    [Theory]
    [InlineData("existence")]
    [InlineData("cursors")]
    public async Task RequestsWithoutCitizenFields_FailClosedWhileTheLogIsLocked(string kind)
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var (query, variables) = kind == "existence"
            ? ($"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ __typename }} }}", (object?)null)
            : ("query($w: CitizenFilter) { citizens(where: $w) { edges { cursor } } }", new { w = new { personalId = citizen.PersonalId } });

        GraphQLReply reply;
        await using (await _server.HoldLogWriteLockAsync())
        {
            reply = await _server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), query, variables);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.Equal("AUDIT_UNAVAILABLE", Assert.Single(reply.Errors).Code);
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task ResponseAnswered503_IsLoggedAsNotDelivered()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        GraphQLReply reply;
        await using (await _server.HoldLogWriteLockAsync())
        {
            reply = await _server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName sex }} }}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        }

        var entries = await Eventually.ReadAsync(() => EntriesOf(reply.RequestId!), found => found.Count == 2);
        Assert.All(entries, e => Assert.Equal((FieldOutcome.Denied, FieldMask.None, "AUDIT_UNAVAILABLE"), (e.Decision, e.Mask, e.Reason)));
        Assert.Equal(["Citizen.fullName", "Citizen.sex"], entries.Select(e => e.Field));
    }

    private Task<List<AccessLogEntry>> EntriesOf(string requestId) =>
        _server.LogAsync(db => db.Entries.Where(e => e.RequestId == requestId).OrderBy(e => e.Sequence).ToListAsync());
}
