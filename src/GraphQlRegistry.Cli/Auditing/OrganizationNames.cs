using GraphQlRegistry.Cli.Commands;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Cli.Auditing;

/// <summary>Organisation names from the registry, for the ids the log holds.</summary>
public static class OrganizationNames
{
    public static async Task<Dictionary<string, string>> OfAsync(DataSettings settings, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        await using var registry = settings.OpenRegistry();
        return await registry.Organizations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }
}
