using System.Net;

namespace GraphQlRegistry.Api.Tests.Grants;

/// <summary>
/// A caller's organisation and grants are read once per ledger revision, and any write to them, by whatever path,
/// is seen on the next request. These tests change grants behind the server's back, so the class has a server of its own.
/// </summary>
public sealed class OrganizationRecordCacheTests(RegistryServer server) : IClassFixture<RegistryServer>
{
    private const string Entitlements = "{ myEntitlements { grantId } }";

    [Fact]
    public async Task GrantDeletedInTheDatabase_BitesOnTheNextRequest()
    {
        var token = RegistryServer.OrganizationToken("demo-telecom-provider");
        Assert.Equal(HttpStatusCode.OK, (await server.QueryAsync(token, Entitlements)).Status);

        Assert.Equal(1, await server.ExecuteOnRegistryAsync("DELETE FROM \"Grants\" WHERE \"Id\" = 'grant-demo-telecom-provider'"));

        var after = await server.QueryAsync(token, Entitlements);
        Assert.Equal(HttpStatusCode.Forbidden, after.Status);
        Assert.Equal("NO_VALID_GRANT", Assert.Single(after.Errors).Code);
    }

    [Fact]
    public async Task OrganizationDeletedInTheDatabase_IsSeenOnTheNextRequest()
    {
        var token = RegistryServer.OrganizationToken("demo-notary-organization");
        Assert.Equal(HttpStatusCode.OK, (await server.QueryAsync(token, Entitlements)).Status);

        Assert.Equal(1, await server.ExecuteOnRegistryAsync("DELETE FROM \"Organizations\" WHERE \"Id\" = 'demo-notary-organization'"));

        Assert.Equal("NO_VALID_GRANT", Assert.Single((await server.QueryAsync(token, Entitlements)).Errors).Code);
    }

    [Fact]
    public async Task UnchangedLedger_IsNotReadAgain()
    {
        var token = RegistryServer.OrganizationToken("demo-credit-institution");
        await server.QueryAsync(token, Entitlements);

        server.Sql.Clear();
        Assert.Empty((await server.QueryAsync(token, Entitlements)).Errors);
        Assert.DoesNotContain(server.Sql.Commands, sql => sql.Contains("FROM \"Grants\"") || sql.Contains("FROM \"Organizations\""));
    }

    [Fact]
    public async Task MissingRevisionRow_ReadsTheLedgerAtEveryRequest()
    {
        var token = RegistryServer.OrganizationToken("demo-state-agency");
        await server.QueryAsync(token, Entitlements);
        await server.ExecuteOnRegistryAsync("DELETE FROM \"LedgerRevisions\"");
        try
        {
            server.Sql.Clear();
            Assert.Empty((await server.QueryAsync(token, Entitlements)).Errors);
            Assert.Contains(server.Sql.Commands, sql => sql.Contains("FROM \"Grants\""));
        }
        finally
        {
            await server.ExecuteOnRegistryAsync("INSERT INTO \"LedgerRevisions\" (\"Id\", \"Revision\") VALUES (1, 1000)");
        }
    }
}
