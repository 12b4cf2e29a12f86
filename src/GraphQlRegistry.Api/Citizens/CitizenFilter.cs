using GraphQlRegistry.Api.Citizens.Catalogue;
using GraphQlRegistry.Data.Entities;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>A parsed <c>CitizenFilter</c>: the catalogue inputs the caller set, with their values.</summary>
public sealed class CitizenFilter(IReadOnlyList<(CitizenFilterInput Input, object Value)> conditions)
{
    public static CitizenFilter None { get; } = new([]);

    /// <summary>The citizen fields this filter compares against: each must be readable in clear by the caller.</summary>
    public IEnumerable<string> ComparedFields() => conditions.Select(c => c.Input.ComparedField).Distinct();

    public IQueryable<Citizen> Apply(IQueryable<Citizen> query) =>
        conditions.Aggregate(query, (filtered, condition) => filtered.Where(condition.Input.Predicate(condition.Value)));
}

/// <summary>One key of the <c>order</c> argument. Rows tie-break on the personal id, so pages are stable.</summary>
public sealed record CitizenOrder(CitizenOrderKey Key, SortDirection Direction)
{
    public static IQueryable<Citizen> Apply(IQueryable<Citizen> query, IReadOnlyList<CitizenOrder> order)
    {
        IOrderedQueryable<Citizen>? ordered = null;
        foreach (var key in order)
        {
            ordered = key.Key.Apply(ordered ?? query, ordered is null, key.Direction);
        }

        return ordered is null ? query.OrderBy(c => c.PersonalId) : ordered.ThenBy(c => c.PersonalId);
    }
}
