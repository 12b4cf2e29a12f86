using System.Net;
using GraphQlRegistry.AccessLog.Chain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Postgres;

/// <summary>The production provider: the same server on a throwaway PostgreSQL, registry and log in one database.</summary>
public sealed class PostgresRegistryTests : IClassFixture<PostgresRegistryTests.PostgresServer>
{
    private readonly PostgresServer _server;

    public PostgresRegistryTests(PostgresServer server) => _server = server;

    [Fact]
    public async Task KycLookup_IsMaskedAndLoggedInAVerifiedChain()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var reply = await _server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName religion currentAddress {{ province street }} father {{ fullName }} }} }}");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(citizen.FullName, reply.Data.GetProperty("citizen").GetProperty("fullName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reply.Data.GetProperty("citizen").GetProperty("currentAddress").GetProperty("street").ValueKind);
        Assert.Contains(("FIELD_NOT_ENTITLED", "citizen.religion"), reply.Errors);

        var entries = await _server.LogAsync(db => db.Entries.CountAsync(e => e.RequestId == reply.RequestId));
        Assert.Equal(6, entries);
        Assert.True((await _server.LogAsync(db => ChainVerifier.VerifyAsync(db))).Ok);
    }

    [Fact]
    public async Task StateAgencySearch_FiltersOrdersAndLoadsRelativesInOneBatch()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var prefix = citizen.FullName!.Split(' ')[0];
        var reply = await _server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"),
            "query($p: String) { citizens(where: { fullNameStartsWith: $p }, order: [{ field: DATE_OF_BIRTH, direction: DESC }], first: 20) { edges { node { fullName dateOfBirth father { fullName } } } pageInfo { hasNextPage } } }",
            new { p = prefix });
        Assert.Empty(reply.Errors);
        var nodes = reply.Data.GetProperty("citizens").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.StartsWith(prefix, n.GetProperty("fullName").GetString()));
        var dates = nodes.Select(n => n.GetProperty("dateOfBirth").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Auditor_StatsAndConcurrentLoad_KeepOneChain()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _server.QueryAsync(RegistryServer.OrganizationToken("demo-notary-organization"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName father {{ personalId }} }} }}")));
        var stats = await _server.QueryAsync(RegistryServer.AuditorToken(), "{ accessStats(groupBy: [ORGANIZATION, DAY]) { organizationId day count } verifyAccessLog { ok } }");
        Assert.Empty(stats.Errors);
        Assert.True(stats.Data.GetProperty("verifyAccessLog").GetProperty("ok").GetBoolean());
        Assert.Contains(stats.Data.GetProperty("accessStats").EnumerateArray(), b => b.GetProperty("organizationId").GetString() == "demo-notary-organization" && b.GetProperty("count").GetInt64() >= 120);
    }

    public sealed class PostgresServer : RegistryServer
    {
        private readonly ThrowawayPostgres _postgres = new();

        protected override void ConfigureOverrides(IWebHostBuilder builder)
        {
            builder.UseSetting("Registry:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Registry", _postgres.ConnectionString("registry"));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Npgsql.NpgsqlConnection.ClearAllPools();
            _postgres.Dispose();
        }
    }
}
