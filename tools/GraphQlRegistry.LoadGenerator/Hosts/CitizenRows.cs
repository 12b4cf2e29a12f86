using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.LoadGenerator.Hosts;

/// <summary>The baselines' reads: the columns the served queries read, by the same EF Core model and provider as the server.</summary>
public sealed class CitizenRows(IDbContextFactory<RegistryDbContext> contexts, UnitDirectory units)
{
    private static readonly Func<RegistryDbContext, string, Task<Citizen?>> ById =
        EF.CompileAsyncQuery((RegistryDbContext db, string id) => db.Citizens.AsNoTracking().Where(c => c.PersonalId == id).Select(c => new Citizen
        {
            PersonalId = c.PersonalId, FullName = c.FullName, DateOfBirth = c.DateOfBirth, Sex = c.Sex, Nationality = c.Nationality,
            PlaceOfOrigin = c.PlaceOfOrigin, PermanentProvinceCode = c.PermanentProvinceCode, PermanentDistrictCode = c.PermanentDistrictCode,
            PermanentCommuneCode = c.PermanentCommuneCode, PermanentStreet = c.PermanentStreet, CurrentProvinceCode = c.CurrentProvinceCode,
        }).FirstOrDefault());

    public UnitDirectory Units { get; } = units;

    public async Task<Citizen?> FindAsync(string personalId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ById(db, personalId);
    }

    /// <summary>A page in personal-id order from an offset, as the server pages <c>citizens</c>.</summary>
    public async Task<List<Citizen>> PageAsync(int offset, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Citizens.AsNoTracking().OrderBy(c => c.PersonalId).Skip(offset).Take(count).ToListAsync(cancellationToken);
    }
}
