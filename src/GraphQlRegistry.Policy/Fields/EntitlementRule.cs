using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Policy.Fields;

/// <summary>
/// One <c>@entitled</c> directive: these organisation types, under a grant from one of these authorities
/// (any authority when <see cref="GrantedBy"/> is null), read the field with this mask.
/// </summary>
public sealed record EntitlementRule(OrganizationTypeSet OrgTypes, AuthoritySet? GrantedBy, FieldMask Mask)
{
    public bool Admits(OrganizationType caller, GrantingAuthority grantAuthority) =>
        OrgTypes.Contains(caller) && (GrantedBy is not { } authorities || authorities.Contains(grantAuthority));
}
