using GraphQL.Types;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Citizens.Catalogue;

namespace GraphQlRegistry.Api.Schema.Types;

/// <summary><c>CitizenFilter</c>, generated from the catalogue's filter inputs.</summary>
public sealed class CitizenFilterGraphType : InputObjectGraphType<CitizenFilter>
{
    public CitizenFilterGraphType()
    {
        Name = "CitizenFilter";
        foreach (var input in CitizenCatalogue.FilterInputs)
        {
            AddField(new FieldType { Name = input.Name, Type = input.GraphType });
        }
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CitizenFilter(CitizenCatalogue.FilterInputs
        .Where(input => value.TryGetValue(input.Name, out var given) && given is not null)
        .Select(input => (input, value[input.Name]!))
        .ToList());
}

/// <summary><c>CitizenOrderField</c>, generated from the catalogue's order keys.</summary>
public sealed class CitizenOrderFieldGraphType : EnumerationGraphType
{
    public CitizenOrderFieldGraphType()
    {
        Name = "CitizenOrderField";
        foreach (var key in CitizenCatalogue.OrderKeys)
        {
            Add(new EnumValueDefinition(key.Name, key));
        }
    }
}

public sealed class SortDirectionGraphType : EnumerationGraphType<SortDirection>
{
    public SortDirectionGraphType() => Name = "SortDirection";
}

public sealed class CitizenOrderGraphType : InputObjectGraphType<CitizenOrder>
{
    public CitizenOrderGraphType()
    {
        Name = "CitizenOrder";
        Field<NonNullGraphType<CitizenOrderFieldGraphType>>("field");
        Field<NonNullGraphType<SortDirectionGraphType>>("direction").DefaultValue(SortDirection.Asc);
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new CitizenOrder((CitizenOrderKey)value["field"]!, value.TryGetValue("direction", out var direction) && direction is SortDirection given ? given : SortDirection.Asc);
}

public sealed class CitizenEdgeGraphType() : EdgeGraphType<CitizenSource, CitizenGraphType>("CitizenEdge");

public sealed class CitizenConnectionGraphType() : ConnectionGraphType<CitizenSource, CitizenGraphType, CitizenEdgeGraphType>("CitizenConnection");
