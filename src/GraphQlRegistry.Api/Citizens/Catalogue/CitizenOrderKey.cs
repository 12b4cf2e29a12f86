using GraphQlRegistry.Data.Entities;

namespace GraphQlRegistry.Api.Citizens.Catalogue;

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>One value of <c>CitizenOrderField</c>: the citizen field it sorts by and how it orders a query.</summary>
public sealed record CitizenOrderKey
{
    public required string Name { get; init; }

    /// <summary>The citizen field whose clear read sorting requires.</summary>
    public required string ComparedField { get; init; }

    /// <summary>Orders (first key) or further orders (later keys) a query by this field.</summary>
    public required Func<IQueryable<Citizen>, bool, SortDirection, IOrderedQueryable<Citizen>> Apply { get; init; }
}
