using GraphQL;
using GraphQL.Types;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Execution;

namespace GraphQlRegistry.Api.Schema.Types;

/// <summary>A citizen record. Which fields a caller reads, and how, is in the <c>@entitled</c> rules of the SDL.</summary>
public sealed class CitizenGraphType : ObjectGraphType<CitizenSource>
{
    public CitizenGraphType(SchemaRules rules)
    {
        Name = "Citizen";
        Description = "A citizen record of the National Population Database.";
        Field<NonNullGraphType<IdGraphType>>("personalId").Description("The 12-digit personal identification number.").Resolve(c => c.Source.Row.PersonalId);
        Field<StringGraphType>("fullName").Resolve(c => c.Source.Row.FullName);
        Field<DateOnlyGraphType>("dateOfBirth").Resolve(c => c.Source.Row.DateOfBirth);
        Field<SexGraphType>("sex").Resolve(c => c.Source.Row.Sex);
        Field<StringGraphType>("nationality").Resolve(c => c.Source.Row.Nationality);
        Field<StringGraphType>("ethnicity").Description("Sensitive.").Resolve(c => c.Source.Row.Ethnicity);
        Field<StringGraphType>("religion").Description("Sensitive.").Resolve(c => c.Source.Row.Religion);
        Field<StringGraphType>("bloodType").Description("Sensitive.").Resolve(c => c.Source.Row.BloodType);
        Field<StringGraphType>("placeOfOrigin").Resolve(c => c.Source.Row.PlaceOfOrigin);
        Field<StringGraphType>("birthRegistrationPlace").Resolve(c => c.Source.Row.BirthRegistrationPlace);
        Field<MaritalStatusGraphType>("maritalStatus").Resolve(c => c.Source.Row.MaritalStatus);
        Field<AddressGraphType>("permanentAddress").Resolve(c =>
        {
            var row = c.Source.Row;
            return row.PermanentProvinceCode is null ? null : new AddressValue(row.PermanentProvinceCode, row.PermanentDistrictCode, row.PermanentCommuneCode, row.PermanentStreet);
        });
        Field<AddressGraphType>("currentAddress").Resolve(c =>
        {
            var row = c.Source.Row;
            return row.CurrentProvinceCode is null ? null : new AddressValue(row.CurrentProvinceCode, row.CurrentDistrictCode, row.CurrentCommuneCode, row.CurrentStreet);
        });
        Field<RelativeGraphType>("father").Resolve(c => LoadRelative(c, c.Source.Row.FatherId));
        Field<RelativeGraphType>("mother").Resolve(c => LoadRelative(c, c.Source.Row.MotherId));
        Field<RelativeGraphType>("spouse").Resolve(c => LoadRelative(c, c.Source.Row.SpouseId));
        Field<HouseholdMembershipGraphType>("householdHead").Resolve(c =>
            c.Source.Row.HouseholdHeadId is { } head ? new HouseholdValue(head, c.Source.Row.HouseholdRelationship) : null);
        Field<DateOnlyGraphType>("dateOfDeath").Resolve(c => c.Source.Row.DateOfDeath);
        rules.Annotate(this);
    }

    internal static object? LoadRelative(IResolveFieldContext context, string? personalId) =>
        personalId is null ? null : context.RequestContext().Relatives.Load(personalId, relative => relative);
}
