using GraphQLParser.AST;
using GraphQlRegistry.Api.Hosting;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>
/// The limits <see cref="DocumentLimits"/> enforces, and the little it must know of the schema to price a document:
/// which fields page (they take <c>first</c>) and their default page size.
/// </summary>
public sealed record QueryLimits(
    int MaxDepth,
    int MaxAliases,
    int MaxDirectivesPerField,
    int MaxFragmentSpreads,
    long MaxCost,
    int MaxVariablesSize,
    IReadOnlyDictionary<string, int> DefaultPageSizes,
    int MaxPageSize)
{
    /// <summary>SPEC §4: a page holds at most 500 items, so no list multiplies by more.</summary>
    public const int SpecMaxPageSize = 500;

    public static QueryLimits From(RegistryOptions.LimitOptions options, GraphQLDocument sdl) => new(
        options.MaxDepth,
        options.MaxAliases,
        options.MaxDirectivesPerField,
        options.MaxFragmentSpreads,
        options.MaxCost,
        options.MaxVariablesSize,
        DefaultPageSizesOf(sdl),
        SpecMaxPageSize);

    /// <summary>Every field of the schema with a <c>first</c> argument, by name, with that argument's default.</summary>
    public static IReadOnlyDictionary<string, int> DefaultPageSizesOf(GraphQLDocument sdl)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in sdl.Definitions.OfType<GraphQLObjectTypeDefinition>().SelectMany(t => t.Fields?.Items ?? []))
        {
            var first = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == DocumentLimits.PageSizeArgument);
            if (first is not null)
            {
                sizes[field.Name.StringValue] = first.DefaultValue is GraphQLIntValue value && int.TryParse(value.Value.Span, out var size)
                    ? size
                    : SpecMaxPageSize;
            }
        }

        return sizes;
    }
}
