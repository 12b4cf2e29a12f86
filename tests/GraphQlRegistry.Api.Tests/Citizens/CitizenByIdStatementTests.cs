using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQlRegistry.Api.Tests.Citizens;

/// <summary>
/// The citizen lookup reads rows without EF Core's materializer, from a reader derived from EF's model: on each
/// provider it must give back exactly what EF reads (strings, dates, enums stored as names, nulls), and nothing else.
/// </summary>
public sealed class CitizenByIdStatementTests(RegistryServer server) : IClassFixture<RegistryServer>
{
    private static readonly string[] AllProperties = typeof(Citizen).GetProperties().Select(p => p.Name).ToArray();

    [Fact]
    public async Task EveryProperty_ReadsAsEfCoreReadsIt()
    {
        var citizens = await server.RegistryAsync(async db =>
            (await db.Citizens.AsNoTracking().OrderBy(c => c.PersonalId).Take(20).ToListAsync())
            .Concat(await db.Citizens.AsNoTracking().Where(c => c.DateOfDeath != null).OrderBy(c => c.PersonalId).Take(5).ToListAsync())
            .ToList());
        Assert.Contains(citizens, c => c.DateOfDeath is not null);
        Assert.Contains(citizens, c => c.DateOfDeath is null);

        foreach (var expected in citizens)
        {
            var read = await ReadAsync(expected.PersonalId, AllProperties);
            Assert.All(AllProperties, name =>
                Assert.Equal(typeof(Citizen).GetProperty(name)!.GetValue(expected), typeof(Citizen).GetProperty(name)!.GetValue(read)));
        }
    }

    [Fact]
    public async Task AColumnSet_ReadsOnlyItsColumns()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var read = await ReadAsync(citizen.PersonalId, [nameof(Citizen.PersonalId), nameof(Citizen.Sex), nameof(Citizen.DateOfBirth)]);

        Assert.Equal((citizen.PersonalId, citizen.Sex, citizen.DateOfBirth), (read!.PersonalId, read.Sex, read.DateOfBirth));
        Assert.All(AllProperties.Except([nameof(Citizen.PersonalId), nameof(Citizen.Sex), nameof(Citizen.DateOfBirth)]),
            name => Assert.Null(typeof(Citizen).GetProperty(name)!.GetValue(read)));
    }

    [Fact]
    public async Task AnUnknownId_ReadsNoRow() => Assert.Null(await ReadAsync("000000000000", AllProperties));

    private async Task<Citizen?> ReadAsync(string personalId, IEnumerable<string> properties)
    {
        var statement = await server.RegistryAsync(db => Task.FromResult(
            CitizenByIdStatement.For(db.Model.FindEntityType(typeof(Citizen))!, db.GetService<ISqlGenerationHelper>(), properties)));
        return await server.Services.GetRequiredService<PreparedReads>().ReadAsync(
            connection => connection.ReadFirstAsync(statement.Sql, [personalId], statement.ReadRow, CancellationToken.None), CancellationToken.None);
    }
}
