using System.Collections.Concurrent;
using System.Net;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.AccessLog.Chain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Postgres;

/// <summary>
/// Two API instances on one PostgreSQL database, under concurrent load on both: one chain that verifies, and every
/// answered request's entries in it (SPEC §5, §6; the single ordering point of docs/scaling.md).
/// </summary>
public sealed class TwoInstancesTests
{
    [ProviderFact(DatabaseProvider.Postgres, "instances share a PostgreSQL database; a SQLite file belongs to one process")]
    public async Task ConcurrentLoadOnTwoInstances_KeepsOneVerifiedChainWithEveryAnsweredEntry()
    {
        using var first = new RegistryServer();
        var citizen = await first.CitizenWithFamilyAsync();
        using var second = new Instance(TestStore.Cluster.ConnectionString(first.PostgresDatabase!));
        var query = $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName sex father {{ fullName }} }} }}";

        var answered = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async worker =>
        {
            var instance = worker % 2 == 0 ? first : second;
            for (var n = 0; n < 10; n++)
            {
                var reply = await instance.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), query);
                if (reply.Status == HttpStatusCode.OK && reply.HasData)
                {
                    answered.Add(reply.RequestId!);
                }
            }
        }));

        Assert.Equal(120, answered.Count);
        var perRequest = await first.LogAsync(db => db.Entries.GroupBy(e => e.RequestId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count));
        // fullName, sex, father and the father's fullName, and that last one again under the father's own reference.
        Assert.All(answered, requestId => Assert.Equal(5, perRequest.GetValueOrDefault(requestId)));
        Assert.True((await first.LogAsync(db => ChainVerifier.VerifyAsync(db))).Ok);
    }

    /// <summary>A second API instance: its own process state and data directory, the first one's database.</summary>
    private sealed class Instance(string connectionString) : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder)
        {
            builder.UseSetting("Registry:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Registry", connectionString);
        }
    }
}
