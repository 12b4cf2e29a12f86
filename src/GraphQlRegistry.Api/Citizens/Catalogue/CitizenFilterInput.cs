using System.Linq.Expressions;
using GraphQlRegistry.Data.Entities;

namespace GraphQlRegistry.Api.Citizens.Catalogue;

/// <summary>
/// One input field of <c>CitizenFilter</c>. It is declared inside the <see cref="CitizenField"/> it compares
/// against, so a filter without a compared field cannot be written: the comparison check always sees it.
/// </summary>
public sealed record CitizenFilterInput
{
    public required string Name { get; init; }

    public required Type GraphType { get; init; }

    /// <summary>The citizen field whose clear read the comparison requires.</summary>
    public required string ComparedField { get; init; }

    /// <summary>The row predicate for an input value; the value becomes a query parameter, never SQL text.</summary>
    public required Func<object, Expression<Func<Citizen, bool>>> Predicate { get; init; }
}
