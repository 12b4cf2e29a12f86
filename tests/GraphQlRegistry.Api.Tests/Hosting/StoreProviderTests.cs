using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>The suite runs where its project says: both of the server's stores are on the test assembly's provider.</summary>
[Collection(SharedServer.Name)]
public sealed class StoreProviderTests(RegistryServer server)
{
    [Fact]
    public async Task RegistryAndLog_AreOnTheSuitesProvider()
    {
        var expected = TestStore.Provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";

        Assert.Equal(expected, await server.RegistryAsync(db => Task.FromResult(db.Database.ProviderName)));
        Assert.Equal(expected, await server.LogAsync(db => Task.FromResult(db.Database.ProviderName)));
        Assert.NotEqual(0, await server.RegistryAsync(db => db.Citizens.CountAsync()));
    }
}
