using GraphQL.Types;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Grants;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class GrantGraphType : ObjectGraphType<Grant>
{
    public GrantGraphType()
    {
        Name = "Grant";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("organizationId").Resolve(c => c.Source.OrganizationId);
        Field<NonNullGraphType<GrantingAuthorityGraphType>>("authority").Resolve(c => c.Source.Authority);
        Field<StringGraphType>("authorityUnitCode").Resolve(c => c.Source.AuthorityUnitCode);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("issuedAt").Resolve(c => c.Source.IssuedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Resolve(c => c.Source.ValidFrom);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validTo").Resolve(c => c.Source.ValidTo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Resolve(c => c.Source.FieldList);
        Field<StringGraphType>("scopeUnitCode").Resolve(c => c.Source.ScopeUnitCode);
        Field<StringGraphType>("purpose").Resolve(c => c.Source.Purpose);
        Field<DateTimeOffsetGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
        Field<StringGraphType>("revocationReason").Resolve(c => c.Source.RevocationReason);
    }
}

public sealed class IssueGrantInputGraphType : InputObjectGraphType<IssueGrantInput>
{
    public IssueGrantInputGraphType()
    {
        Name = "IssueGrantInput";
        Field(f => f.OrganizationId, nullable: true);
        Field(f => f.CitizenPersonalId, type: typeof(IdGraphType));
        Field(f => f.ValidFrom, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(f => f.ValidTo, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(f => f.Fields, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(f => f.ScopeUnitCode, nullable: true);
        Field(f => f.Purpose, nullable: true);
    }
}

public sealed record FieldEntitlement(string Coordinate, FieldMask Mask);

public sealed class FieldEntitlementGraphType : ObjectGraphType<FieldEntitlement>
{
    public FieldEntitlementGraphType()
    {
        Name = "FieldEntitlement";
        Field<NonNullGraphType<StringGraphType>>("coordinate").Resolve(c => c.Source.Coordinate);
        Field<NonNullGraphType<FieldMaskGraphType>>("mask").Resolve(c => c.Source.Mask);
    }
}

public sealed class EntitlementsGraphType : ObjectGraphType<DataCaller>
{
    public EntitlementsGraphType(SchemaRules rules)
    {
        Name = "Entitlements";
        Field<StringGraphType>("organizationId").Resolve(c => c.Source.OrganizationId);
        Field<StringGraphType>("organizationName").Resolve(c => c.Source.OrganizationName);
        Field<NonNullGraphType<OrganizationTypeGraphType>>("organizationType").Resolve(c => c.Source.Type);
        Field<AdministrativeLevelGraphType>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ChannelGraphType>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<IdGraphType>>("grantId").Resolve(c => c.Source.Grant.Id);
        Field<NonNullGraphType<GrantingAuthorityGraphType>>("grantedBy").Resolve(c => c.Source.Grant.Authority);
        Field<StringGraphType>("grantedByUnitCode").Resolve(c => c.Source.Grant.AuthorityUnitCode);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validFrom").Resolve(c => c.Source.Grant.ValidFrom);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("validTo").Resolve(c => c.Source.Grant.ValidTo);
        Field<StringGraphType>("scopeUnitCode").Resolve(c => c.Source.Grant.ScopeUnitCode);
        Field<StringGraphType>("purpose").Resolve(c => c.Source.Grant.Purpose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldEntitlementGraphType>>>>("fields")
            .Resolve(c => rules.Table.Grantable
                .Select(rule => (rule.Coordinate, Decision: c.Source.Decide(rule)))
                .Where(pair => !pair.Decision.IsDenied)
                .Select(pair => new FieldEntitlement(pair.Coordinate, pair.Decision.Mask))
                .ToList());
    }
}
