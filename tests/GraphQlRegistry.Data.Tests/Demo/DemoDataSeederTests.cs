using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using GraphQlRegistry.Policy.Units;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Tests.Demo;

public sealed class DemoDataSeederTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private RegistryDbContext _db = null!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new RegistryDbContext(new DbContextOptionsBuilder<RegistryDbContext>().UseSqlite(_connection).Options);
        await _db.Database.MigrateAsync();
    }

    [Fact]
    public async Task Seeding_WritesCitizensOrganisationsAndOneOwnRecordGrantPerCitizen()
    {
        var progress = new List<SeedProgress>();
        var seeder = new DemoDataSeeder(_db, (_, _) => ["Citizen.fullName"]);
        await seeder.SeedAsync(new DemoDataOptions(Citizens: 1_234), new SynchronousProgress(progress));

        Assert.True(await seeder.IsSeededAsync());
        Assert.Equal(1_234, await _db.Citizens.CountAsync());
        Assert.Equal(1_234, await _db.Grants.CountAsync(g => g.CitizenPersonalId != null));
        Assert.Equal(1_234, progress[^1].Written);
        Assert.Equal(16, await _db.Organizations.CountAsync());
        Assert.True(await _db.Grants.AllAsync(g => g.Id.StartsWith("grant-")));
        Assert.False(await _db.Grants.AnyAsync(g => g.CitizenPersonalId != null && g.Id.Contains(g.CitizenPersonalId)));

        var stored = await _db.Citizens.AsNoTracking().OrderBy(c => c.PersonalId).FirstAsync();
        var generated = new DemoCitizenGenerator(DemoDataOptions.DefaultSeed, DemoUnits.Create()).Generate(1_234).First(c => c.PersonalId == stored.PersonalId);
        Assert.Equal((generated.FullName, generated.DateOfBirth, generated.Sex, generated.MaritalStatus), (stored.FullName, stored.DateOfBirth, stored.Sex, stored.MaritalStatus));
    }

    [Fact]
    public async Task UnitDirectory_ReadsPathsFromStoredParents()
    {
        await new DemoDataSeeder(_db, (_, _) => []).SeedAsync(new DemoDataOptions(Citizens: 10));
        var units = await UnitDirectory.LoadAsync(_db);
        Assert.Equal(new UnitPath("079", "07902", "0790203"), units.PathOf("0790203"));
        Assert.Equal(new UnitPath("079"), units.PathOf("079"));
        Assert.Null(units.PathOf("999"));
        Assert.Equal("Thành phố Hồ Chí Minh", units.NameOf("079"));
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private sealed class SynchronousProgress(List<SeedProgress> reports) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => reports.Add(value);
    }
}
