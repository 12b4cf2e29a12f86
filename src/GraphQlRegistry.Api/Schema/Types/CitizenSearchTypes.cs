using GraphQL.Types;
using GraphQlRegistry.Api.Citizens;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class CitizenFilterGraphType : InputObjectGraphType<CitizenFilter>
{
    public CitizenFilterGraphType()
    {
        Name = "CitizenFilter";
        Description = "Equality on scalar fields, a name prefix and unit codes. Every compared field must be readable in clear, or the request is refused.";
        Field(f => f.PersonalId, type: typeof(IdGraphType));
        Field(f => f.FullName, nullable: true);
        Field(f => f.FullNameStartsWith, nullable: true);
        Field(f => f.DateOfBirth, type: typeof(DateOnlyGraphType));
        Field(f => f.Sex, type: typeof(SexGraphType));
        Field(f => f.Nationality, nullable: true);
        Field(f => f.Ethnicity, nullable: true);
        Field(f => f.Religion, nullable: true);
        Field(f => f.BloodType, nullable: true);
        Field(f => f.PlaceOfOrigin, nullable: true);
        Field(f => f.BirthRegistrationPlace, nullable: true);
        Field(f => f.MaritalStatus, type: typeof(MaritalStatusGraphType));
        Field(f => f.DateOfDeath, type: typeof(DateOnlyGraphType));
        Field(f => f.PermanentUnitCode, nullable: true).Description("A province, district or commune code of the permanent address.");
        Field(f => f.CurrentUnitCode, nullable: true).Description("A province, district or commune code of the current address.");
    }
}

public sealed class CitizenOrderFieldGraphType : EnumerationGraphType<CitizenOrderField>
{
    public CitizenOrderFieldGraphType() => Name = "CitizenOrderField";
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
        Field(f => f.Field, type: typeof(NonNullGraphType<CitizenOrderFieldGraphType>));
        Field(f => f.Direction, type: typeof(NonNullGraphType<SortDirectionGraphType>)).DefaultValue(SortDirection.Asc);
    }
}

public sealed class CitizenEdgeGraphType : ObjectGraphType<Edge<CitizenSource>>
{
    public CitizenEdgeGraphType()
    {
        Name = "CitizenEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<CitizenGraphType>>("node").Resolve(c => c.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}

public sealed record PageInfo(bool HasNextPage, string? EndCursor);

public sealed class CitizenConnectionGraphType : ObjectGraphType<Connection<CitizenSource>>
{
    public CitizenConnectionGraphType()
    {
        Name = "CitizenConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CitizenEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
    }
}
