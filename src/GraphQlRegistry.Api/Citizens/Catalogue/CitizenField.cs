using GraphQL;

namespace GraphQlRegistry.Api.Citizens.Catalogue;

/// <summary>
/// One field of <c>Citizen</c>, declared once: the graph type it is served as, how it resolves from a row, the entity
/// columns it reads in clear and under a partial mask, and the filters and order key that compare against it.
/// The projection, the search inputs and the served graph type are all generated from these declarations.
/// </summary>
public sealed class CitizenField
{
    public required string Name { get; init; }

    public required Type GraphType { get; init; }

    public required Func<IResolveFieldContext, CitizenSource, object?> Resolve { get; init; }

    /// <summary>Entity properties read when the field is revealed.</summary>
    public required IReadOnlyList<string> ClearColumns { get; init; }

    /// <summary>Entity properties read when the field is partially masked (nothing else of it is read).</summary>
    public required IReadOnlyList<string> PartialColumns { get; init; }

    /// <summary>The <c>CitizenFilter</c> inputs that compare against this field; each requires it readable in clear.</summary>
    public IReadOnlyList<CitizenFilterInput> Filters { get; init; } = [];

    /// <summary>The <c>CitizenOrderField</c> value that sorts by this field, if it can be sorted by.</summary>
    public CitizenOrderKey? Order { get; init; }

    public string Coordinate => CitizenCatalogue.TypeName + "." + Name;
}
