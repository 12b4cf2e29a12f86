using GraphQLParser.AST;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Citizens.Catalogue;

/// <summary>
/// The catalogue checked against the SDL: every <c>Citizen</c> field, filter input and order value on both sides,
/// each reading real columns, each comparison bound to a grantable field. Problems are returned, all of them.
/// </summary>
public static class CatalogueCheck
{
    private const string FilterType = "CitizenFilter";
    private const string OrderType = "CitizenOrderField";

    public static IReadOnlyList<string> Problems(GraphQLDocument sdl, RuleTable table)
    {
        var problems = new List<string>();
        Compare(problems, CitizenCatalogue.TypeName, FieldNames(sdl), CitizenCatalogue.Fields.Select(f => f.Name));
        Compare(problems, FilterType, InputNames(sdl), CitizenCatalogue.FilterInputs.Select(f => f.Name));
        Compare(problems, OrderType, EnumValues(sdl), CitizenCatalogue.OrderKeys.Select(k => k.Name));

        foreach (var field in CitizenCatalogue.Fields)
        {
            problems.AddRange(ColumnProblems(field, table.Find(field.Coordinate)));
        }

        foreach (var (owner, compared) in CitizenCatalogue.FilterInputs.Select(f => ($"{FilterType}.{f.Name}", f.ComparedField))
                     .Concat(CitizenCatalogue.OrderKeys.Select(k => ($"{OrderType}.{k.Name}", k.ComparedField))))
        {
            if (table.Find($"{CitizenCatalogue.TypeName}.{compared}") is not { IsGrantable: true })
            {
                problems.Add($"{owner}: compares against '{compared}', which is not a grantable Citizen field.");
            }
        }

        return problems;
    }

    private static IEnumerable<string> ColumnProblems(CitizenField field, FieldRule? rule)
    {
        if (field.ClearColumns.Count == 0)
        {
            yield return $"{field.Coordinate}: the catalogue names no column to read it from.";
        }

        if (rule?.Rules.Any(r => r.Mask == FieldMask.Partial) == true && field.PartialColumns.Count == 0)
        {
            yield return $"{field.Coordinate}: a rule masks it partially, but the catalogue names no column to read under the mask.";
        }

        foreach (var column in field.ClearColumns.Concat(field.PartialColumns).Where(c => typeof(Citizen).GetProperty(c) is null))
        {
            yield return $"{field.Coordinate}: column '{column}' is not a property of the Citizen entity.";
        }
    }

    private static void Compare(List<string> problems, string typeName, IEnumerable<string> inSdl, IEnumerable<string> inCatalogue)
    {
        var sdl = inSdl.ToHashSet(StringComparer.Ordinal);
        var catalogue = inCatalogue.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(sdl.Except(catalogue).Select(name => $"{typeName}.{name}: in the SDL but not in the citizen catalogue."));
        problems.AddRange(catalogue.Except(sdl).Select(name => $"{typeName}.{name}: in the citizen catalogue but not in the SDL."));
    }

    private static IEnumerable<string> FieldNames(GraphQLDocument sdl) =>
        sdl.Definitions.OfType<GraphQLObjectTypeDefinition>().Where(t => t.Name.StringValue == CitizenCatalogue.TypeName)
            .SelectMany(t => t.Fields?.Items ?? []).Select(f => f.Name.StringValue);

    private static IEnumerable<string> InputNames(GraphQLDocument sdl) =>
        sdl.Definitions.OfType<GraphQLInputObjectTypeDefinition>().Where(t => t.Name.StringValue == FilterType)
            .SelectMany(t => t.Fields?.Items ?? []).Select(f => f.Name.StringValue);

    private static IEnumerable<string> EnumValues(GraphQLDocument sdl) =>
        sdl.Definitions.OfType<GraphQLEnumTypeDefinition>().Where(t => t.Name.StringValue == OrderType)
            .SelectMany(t => t.Values?.Items ?? []).Select(v => v.Name.StringValue);
}
