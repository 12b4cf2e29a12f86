using GraphQL;
using GraphQL.Types;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using GraphQlRegistry.Policy.Citizens;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.LoadGenerator.Hosts;

/// <summary>B1's schema: the served shape of the fields the KYC lookup and the state agency's page read, with no rules.</summary>
public sealed class PlainSchema : Schema
{
    public PlainSchema(IServiceProvider services, PlainQuery query) : base(services) => Query = query;
}

public sealed class PlainQuery : ObjectGraphType
{
    public PlainQuery(CitizenRows rows, RelativeRows relatives)
    {
        Name = "Query";
        Field<PlainCitizen>("citizen").Argument<NonNullGraphType<IdGraphType>>("personalId")
            .ResolveAsync(async c => await rows.FindAsync(c.GetArgument<string>("personalId"), c.CancellationToken) is { } citizen ? new PlainRow(citizen, null) : null);
        Field<PlainConnection>("citizens").Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument("first", 50);
                var offset = c.GetArgument<string?>("after") is { } after ? OffsetCursor.Decode(after) ?? 0 : 0;
                var page = await rows.PageAsync(offset, first + 1, c.CancellationToken);
                var people = await relatives.NamesAsync(page.Take(first), c.CancellationToken);
                return new PlainPage(page.Take(first).Select(row => new PlainRow(row, people)).ToList(), page.Count > first, OffsetCursor.Encode(offset + Math.Min(first, page.Count)));
            });
    }
}

public sealed record PlainRow(Citizen Citizen, IReadOnlyDictionary<string, string?>? Relatives);

public sealed record PlainPage(IReadOnlyList<PlainRow> Rows, bool HasNextPage, string EndCursor);

public sealed record PlainAddress(string? ProvinceCode, string? DistrictCode, string? CommuneCode, string? Street);

public sealed record PlainRelative(string PersonalId, string? FullName);

public sealed class PlainCitizen : ObjectGraphType<PlainRow>
{
    public PlainCitizen()
    {
        Name = "Citizen";
        Field<IdGraphType>("personalId").Resolve(c => c.Source.Citizen.PersonalId);
        Field<StringGraphType>("fullName").Resolve(c => c.Source.Citizen.FullName);
        Field<StringGraphType>("dateOfBirth").Resolve(c => c.Source.Citizen.DateOfBirth?.ToString("yyyy-MM-dd"));
        Field<EnumerationGraphType<Sex>>("sex").Resolve(c => c.Source.Citizen.Sex);
        Field<StringGraphType>("nationality").Resolve(c => c.Source.Citizen.Nationality);
        Field<StringGraphType>("placeOfOrigin").Resolve(c => c.Source.Citizen.PlaceOfOrigin);
        Field<StringGraphType>("birthRegistrationPlace").Resolve(c => c.Source.Citizen.BirthRegistrationPlace);
        Field<EnumerationGraphType<MaritalStatus>>("maritalStatus").Resolve(c => c.Source.Citizen.MaritalStatus);
        Field<StringGraphType>("dateOfDeath").Resolve(c => c.Source.Citizen.DateOfDeath?.ToString("yyyy-MM-dd"));
        Field<PlainAddressType>("permanentAddress").Resolve(c =>
            new PlainAddress(c.Source.Citizen.PermanentProvinceCode, c.Source.Citizen.PermanentDistrictCode, c.Source.Citizen.PermanentCommuneCode, c.Source.Citizen.PermanentStreet));
        Field<PlainAddressType>("currentAddress").Resolve(c =>
            new PlainAddress(c.Source.Citizen.CurrentProvinceCode, c.Source.Citizen.CurrentDistrictCode, c.Source.Citizen.CurrentCommuneCode, c.Source.Citizen.CurrentStreet));
        Field<PlainRelativeType>("father").Resolve(c => Relative(c.Source, c.Source.Citizen.FatherId));
        Field<PlainRelativeType>("mother").Resolve(c => Relative(c.Source, c.Source.Citizen.MotherId));
        Field<PlainRelativeType>("spouse").Resolve(c => Relative(c.Source, c.Source.Citizen.SpouseId));
        Field<PlainHouseholdType>("householdHead").Resolve(c => c.Source.Citizen.HouseholdHeadId is null ? null : c.Source.Citizen);
    }

    private static PlainRelative? Relative(PlainRow row, string? id) =>
        id is not null && row.Relatives is { } names && names.TryGetValue(id, out var name) ? new PlainRelative(id, name) : null;
}

public sealed class PlainAddressType : ObjectGraphType<PlainAddress>
{
    public PlainAddressType(UnitDirectory units)
    {
        Name = "Address";
        Field<StringGraphType>("provinceCode").Resolve(c => c.Source.ProvinceCode);
        Field<StringGraphType>("province").Resolve(c => units.NameOf(c.Source.ProvinceCode));
        Field<StringGraphType>("district").Resolve(c => units.NameOf(c.Source.DistrictCode));
        Field<StringGraphType>("commune").Resolve(c => units.NameOf(c.Source.CommuneCode));
        Field<StringGraphType>("street").Resolve(c => c.Source.Street);
    }
}

public sealed class PlainRelativeType : ObjectGraphType<PlainRelative>
{
    public PlainRelativeType()
    {
        Name = "Relative";
        Field<IdGraphType>("personalId").Resolve(c => c.Source.PersonalId);
        Field<StringGraphType>("fullName").Resolve(c => c.Source.FullName);
    }
}

public sealed class PlainHouseholdType : ObjectGraphType<Citizen>
{
    public PlainHouseholdType()
    {
        Name = "HouseholdMembership";
        Field<EnumerationGraphType<HouseholdRelationship>>("relationship").Resolve(c => c.Source.HouseholdRelationship);
    }
}

public sealed class PlainConnection : ObjectGraphType<PlainPage>
{
    public PlainConnection()
    {
        Name = "CitizenConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlainEdge>>>>("edges").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<PlainPageInfo>>("pageInfo").Resolve(c => c.Source);
    }
}

public sealed class PlainEdge : ObjectGraphType<PlainRow>
{
    public PlainEdge()
    {
        Name = "CitizenEdge";
        Field<NonNullGraphType<PlainCitizen>>("node").Resolve(c => c.Source);
    }
}

public sealed class PlainPageInfo : ObjectGraphType<PlainPage>
{
    public PlainPageInfo()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.EndCursor);
    }
}

/// <summary>The names of a page's relatives in one read, as the server's relative loader batches them.</summary>
public sealed class RelativeRows(IDbContextFactory<RegistryDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<string, string?>> NamesAsync(IEnumerable<Citizen> page, CancellationToken cancellationToken)
    {
        var ids = page.SelectMany(c => new[] { c.FatherId, c.MotherId, c.SpouseId }).OfType<string>().Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Citizens.AsNoTracking().Where(c => ids.Contains(c.PersonalId)).ToDictionaryAsync(c => c.PersonalId, c => c.FullName, cancellationToken);
    }
}
