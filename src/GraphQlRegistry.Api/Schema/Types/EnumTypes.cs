using GraphQL.Types;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Citizens;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Schema.Types;

public sealed class OrganizationTypeGraphType : EnumerationGraphType<OrganizationType>
{
    public OrganizationTypeGraphType() => Name = "OrganizationType";
}

public sealed class AdministrativeLevelGraphType : EnumerationGraphType<AdministrativeLevel>
{
    public AdministrativeLevelGraphType() => Name = "AdministrativeLevel";
}

public sealed class ChannelGraphType : EnumerationGraphType<Channel>
{
    public ChannelGraphType() => Name = "Channel";
}

public sealed class GrantingAuthorityGraphType : EnumerationGraphType<GrantingAuthority>
{
    public GrantingAuthorityGraphType() => Name = "GrantingAuthority";
}

public sealed class FieldMaskGraphType : EnumerationGraphType<FieldMask>
{
    public FieldMaskGraphType() => Name = "FieldMask";
}

public sealed class AccessDecisionGraphType : EnumerationGraphType<FieldOutcome>
{
    public AccessDecisionGraphType() => Name = "AccessDecision";
}

public sealed class PartialRenderingGraphType : EnumerationGraphType<PartialRendering>
{
    public PartialRenderingGraphType() => Name = "PartialRendering";
}

public sealed class SexGraphType : EnumerationGraphType<Sex>
{
    public SexGraphType() => Name = "Sex";
}

public sealed class MaritalStatusGraphType : EnumerationGraphType<MaritalStatus>
{
    public MaritalStatusGraphType() => Name = "MaritalStatus";
}

public sealed class HouseholdRelationshipGraphType : EnumerationGraphType<HouseholdRelationship>
{
    public HouseholdRelationshipGraphType() => Name = "HouseholdRelationship";
}

public sealed class AccessStatsDimensionGraphType : EnumerationGraphType<AccessStatsDimension>
{
    public AccessStatsDimensionGraphType() => Name = "AccessStatsDimension";
}
