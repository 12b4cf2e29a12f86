using System.Collections.Frozen;
using System.Linq.Expressions;
using GraphQL.Types;
using GraphQlRegistry.Api.Schema.Types;
using GraphQlRegistry.Data.Entities;

namespace GraphQlRegistry.Api.Citizens.Catalogue;

/// <summary>
/// Every field of <c>Citizen</c>, each declared once. Adding a citizen field takes its SDL line (with its rules), its
/// entity property, one entry here and a migration; start-up checks this list against the SDL and names every gap.
/// </summary>
public static class CitizenCatalogue
{
    public const string TypeName = "Citizen";

    public static IReadOnlyList<CitizenField> Fields { get; } =
    [
        Scalar("personalId", typeof(IdGraphType), c => c.PersonalId, required: true, readUnderMask: true, order: "PERSONAL_ID"),
        Scalar("fullName", typeof(StringGraphType), c => c.FullName, readUnderMask: true, order: "FULL_NAME",
            also: Prefix("fullNameStartsWith", c => c.FullName)),
        Scalar("dateOfBirth", typeof(DateOnlyGraphType), c => c.DateOfBirth, order: "DATE_OF_BIRTH"),
        Scalar("sex", typeof(SexGraphType), c => c.Sex, order: "SEX"),
        Scalar("nationality", typeof(StringGraphType), c => c.Nationality, order: "NATIONALITY"),
        Scalar("ethnicity", typeof(StringGraphType), c => c.Ethnicity, order: "ETHNICITY"),
        Scalar("religion", typeof(StringGraphType), c => c.Religion, order: "RELIGION"),
        Scalar("bloodType", typeof(StringGraphType), c => c.BloodType, order: "BLOOD_TYPE"),
        Scalar("placeOfOrigin", typeof(StringGraphType), c => c.PlaceOfOrigin, order: "PLACE_OF_ORIGIN"),
        Scalar("birthRegistrationPlace", typeof(StringGraphType), c => c.BirthRegistrationPlace, order: "BIRTH_REGISTRATION_PLACE"),
        Scalar("maritalStatus", typeof(MaritalStatusGraphType), c => c.MaritalStatus, order: "MARITAL_STATUS"),
        Address("permanentAddress", "permanentUnitCode", c => c.PermanentProvinceCode, c => c.PermanentDistrictCode, c => c.PermanentCommuneCode, c => c.PermanentStreet),
        Address("currentAddress", "currentUnitCode", c => c.CurrentProvinceCode, c => c.CurrentDistrictCode, c => c.CurrentCommuneCode, c => c.CurrentStreet),
        Relative("father", c => c.FatherId),
        Relative("mother", c => c.MotherId),
        Relative("spouse", c => c.SpouseId),
        Household("householdHead"),
        Scalar("dateOfDeath", typeof(DateOnlyGraphType), c => c.DateOfDeath, order: "DATE_OF_DEATH"),
    ];

    private static readonly FrozenDictionary<string, CitizenField> ByName = Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The <c>CitizenFilter</c> inputs, in declaration order.</summary>
    public static IReadOnlyList<CitizenFilterInput> FilterInputs { get; } = Fields.SelectMany(f => f.Filters).ToArray();

    /// <summary>The <c>CitizenOrderField</c> values, in declaration order.</summary>
    public static IReadOnlyList<CitizenOrderKey> OrderKeys { get; } = Fields.Select(f => f.Order).OfType<CitizenOrderKey>().ToArray();

    /// <summary>The unit columns of both addresses: what the row rules read for a grant with a scope unit.</summary>
    public static IReadOnlyList<string> Residence { get; } = [.. AddressUnitColumns("permanentAddress"), .. AddressUnitColumns("currentAddress")];

    public static CitizenField? Find(string name) => ByName.GetValueOrDefault(name);

    public static CitizenField Get(string name) => Find(name) ?? throw new KeyNotFoundException($"No citizen field '{name}' in the catalogue.");

    /// <summary>Citizens whose permanent or current address lies in the unit (a province, district or commune code).</summary>
    public static Expression<Func<Citizen, bool>> LivesIn(string unitCode) => InAnyOf(unitCode, [.. Residence]);

    private static IEnumerable<string> AddressUnitColumns(string name) => Get(name).ClearColumns.Take(3);

    private static CitizenField Scalar<TValue>(
        string name, Type graphType, Expression<Func<Citizen, TValue>> column, bool required = false, bool readUnderMask = false, string? order = null,
        params Func<string, CitizenFilterInput>[] also)
    {
        var read = column.Compile();
        string[] columns = [ColumnOf(column)];
        return new CitizenField
        {
            Name = name,
            GraphType = required ? typeof(NonNullGraphType<>).MakeGenericType(graphType) : graphType,
            Resolve = (_, source) => read(source.Row),
            ClearColumns = columns,
            PartialColumns = readUnderMask ? columns : [],
            Filters = [Equality(name, graphType, column), .. also.Select(filter => filter(name))],
            Order = order is null ? null : new CitizenOrderKey { Name = order, ComparedField = name, Apply = Ordering(column) },
        };
    }

    private static CitizenField Address(
        string name, string unitFilter, Expression<Func<Citizen, string?>> province, Expression<Func<Citizen, string?>> district,
        Expression<Func<Citizen, string?>> commune, Expression<Func<Citizen, string?>> street)
    {
        var (readProvince, readDistrict, readCommune, readStreet) = (province.Compile(), district.Compile(), commune.Compile(), street.Compile());
        string[] units = [ColumnOf(province), ColumnOf(district), ColumnOf(commune)];
        return new CitizenField
        {
            Name = name,
            GraphType = typeof(AddressGraphType),
            Resolve = (_, source) => readProvince(source.Row) is { } provinceCode
                ? new AddressValue(provinceCode, readDistrict(source.Row), readCommune(source.Row), readStreet(source.Row))
                : null,
            ClearColumns = [.. units, ColumnOf(street)],
            PartialColumns = [units[0]],
            Filters = [new CitizenFilterInput { Name = unitFilter, GraphType = typeof(StringGraphType), ComparedField = name, Predicate = value => InAnyOf((string)value, units) }],
        };
    }

    private static CitizenField Relative(string name, Expression<Func<Citizen, string?>> id)
    {
        var readId = id.Compile();
        string[] columns = [ColumnOf(id)];
        return new CitizenField
        {
            Name = name,
            GraphType = typeof(RelativeGraphType),
            Resolve = (context, source) => RelativeLoader.Load(context, readId(source.Row)),
            ClearColumns = columns,
            PartialColumns = columns,
        };
    }

    private static CitizenField Household(string name) => new()
    {
        Name = name,
        GraphType = typeof(HouseholdMembershipGraphType),
        Resolve = (_, source) => source.Row.HouseholdHeadId is { } head ? new HouseholdValue(head, source.Row.HouseholdRelationship) : null,
        ClearColumns = [nameof(Citizen.HouseholdHeadId), nameof(Citizen.HouseholdRelationship)],
        PartialColumns = [],
    };

    private static CitizenFilterInput Equality<TValue>(string name, Type graphType, Expression<Func<Citizen, TValue>> column) => new()
    {
        Name = name,
        GraphType = graphType,
        ComparedField = name,
        Predicate = value => Expression.Lambda<Func<Citizen, bool>>(
            Expression.Equal(column.Body, Expression.Convert(Parameter((TValue)value), typeof(TValue))), column.Parameters),
    };

    private static Func<string, CitizenFilterInput> Prefix(string inputName, Expression<Func<Citizen, string?>> column) => compared => new()
    {
        Name = inputName,
        GraphType = typeof(StringGraphType),
        ComparedField = compared,
        Predicate = value => Expression.Lambda<Func<Citizen, bool>>(
            Expression.Call(column.Body, nameof(string.StartsWith), null, Parameter((string)value)), column.Parameters),
    };

    private static Expression<Func<Citizen, bool>> InAnyOf(string unitCode, string[] columns)
    {
        var row = Expression.Parameter(typeof(Citizen), "c");
        var unit = Parameter(unitCode);
        var anyColumn = columns.Select(column => (Expression)Expression.Equal(Expression.Property(row, column), unit)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Citizen, bool>>(anyColumn, row);
    }

    private static Func<IQueryable<Citizen>, bool, SortDirection, IOrderedQueryable<Citizen>> Ordering<TValue>(Expression<Func<Citizen, TValue>> key) =>
        (query, first, direction) => (first, direction) switch
        {
            (true, SortDirection.Asc) => query.OrderBy(key),
            (true, SortDirection.Desc) => query.OrderByDescending(key),
            (false, SortDirection.Asc) => ((IOrderedQueryable<Citizen>)query).ThenBy(key),
            (false, SortDirection.Desc) => ((IOrderedQueryable<Citizen>)query).ThenByDescending(key),
        };

    /// <summary>A value as EF Core sees a captured variable: a query parameter, so plans are reused and no value is inlined.</summary>
    private static MemberExpression Parameter<T>(T value)
    {
        var box = new System.Runtime.CompilerServices.StrongBox<T>(value);
        return Expression.Field(Expression.Constant(box), nameof(box.Value));
    }

    private static string ColumnOf<TValue>(Expression<Func<Citizen, TValue>> column) => ((MemberExpression)column.Body).Member.Name;
}
