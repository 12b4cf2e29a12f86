using System.Net;

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
}
