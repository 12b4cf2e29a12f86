using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Units;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Units;

/// <summary>
/// The administrative units, held in memory (a few thousand rows): names for addresses and the path of any unit up
/// to its province, read off the stored parent links.
/// </summary>
public sealed class UnitDirectory
{
    private readonly IReadOnlyDictionary<string, AdministrativeUnit> _units;

    public UnitDirectory(IEnumerable<AdministrativeUnit> units) => _units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);

    public static async Task<UnitDirectory> LoadAsync(RegistryDbContext context, CancellationToken cancellationToken = default) =>
        new(await context.AdministrativeUnits.AsNoTracking().ToListAsync(cancellationToken));

    public bool Exists(string code) => _units.ContainsKey(code);

    /// <summary>The unit an officer heads, with its stored level; null for no code or an unknown one.</summary>
    public AuthorityUnit? AuthorityUnitOf(string? code) =>
        code is not null && _units.TryGetValue(code, out var unit) ? new AuthorityUnit(unit.Code, unit.Level) : null;

    public string? NameOf(string? code) => code is not null && _units.TryGetValue(code, out var unit) ? unit.Name : null;

    /// <summary>The places a grantee sits for competence: the paths of the given units, unknown ones left out.</summary>
    public IReadOnlyList<UnitPath> LocationsOf(params string?[] unitCodes) =>
        unitCodes.Select(PathOf).OfType<UnitPath>().ToArray();

    /// <summary>The path from the province down to the unit; null for an unknown code.</summary>
    public UnitPath? PathOf(string? code)
    {
        if (code is null || !_units.TryGetValue(code, out var unit))
        {
            return null;
        }

        var chain = new List<string> { unit.Code };
        while (unit.ParentCode is { } parent && _units.TryGetValue(parent, out unit))
        {
            chain.Add(unit.Code);
        }

        chain.Reverse();
        return new UnitPath(chain[0], chain.ElementAtOrDefault(1), chain.ElementAtOrDefault(2));
    }
}
