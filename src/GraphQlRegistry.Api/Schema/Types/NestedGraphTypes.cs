using GraphQL.Types;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Data.Units;

namespace GraphQlRegistry.Api.Schema.Types;

/// <summary>An address. Under a partial mask only the province shows (<c>@whenPartial</c>).</summary>
public sealed class AddressGraphType : ObjectGraphType<Nested<AddressValue>>, ICitizenDataGraphType
{
    public AddressGraphType(UnitDirectory units)
    {
        Name = "Address";
        Field<StringGraphType>("provinceCode").Resolve(c => c.Source.Value.ProvinceCode);
        Field<StringGraphType>("province").Resolve(c => units.NameOf(c.Source.Value.ProvinceCode));
        Field<StringGraphType>("district").Resolve(c => units.NameOf(c.Source.Value.DistrictCode));
        Field<StringGraphType>("commune").Resolve(c => units.NameOf(c.Source.Value.CommuneCode));
        Field<StringGraphType>("street").Resolve(c => c.Source.Value.Street);
    }
}

/// <summary>A parent, spouse or household head, by id and name.</summary>
public sealed class RelativeGraphType : ObjectGraphType<Nested<RelativeValue>>, ICitizenDataGraphType
{
    public RelativeGraphType()
    {
        Name = "Relative";
        Field<IdGraphType>("personalId").Resolve(c => c.Source.Value.PersonalId);
        Field<StringGraphType>("fullName").Resolve(c => c.Source.Value.FullName);
    }
}

/// <summary>The head of the citizen's household and the citizen's relationship to them.</summary>
public sealed class HouseholdMembershipGraphType : ObjectGraphType<Nested<HouseholdValue>>, ICitizenDataGraphType
{
    public HouseholdMembershipGraphType()
    {
        Name = "HouseholdMembership";
        Field<RelativeGraphType>("head").Resolve(c => RelativeLoader.Load(c, c.Source.Value.HeadId));
        Field<HouseholdRelationshipGraphType>("relationship").Resolve(c => c.Source.Value.Relationship);
    }
}

/// <summary>The result of an identity check: which attributes matched, never the stored values.</summary>
public sealed class IdentityVerificationGraphType : ObjectGraphType<IdentityMatch>, ICitizenDataGraphType
{
    public IdentityVerificationGraphType()
    {
        Name = "IdentityVerification";
        Field<BooleanGraphType>("personalIdExists").Resolve(c => c.Source.PersonalIdExists);
        Field<BooleanGraphType>("fullNameMatches").Resolve(c => c.Source.FullNameMatches);
        Field<BooleanGraphType>("dateOfBirthMatches").Resolve(c => c.Source.DateOfBirthMatches);
    }
}
