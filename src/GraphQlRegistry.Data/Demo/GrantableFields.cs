using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Data.Demo;

/// <summary>The field coordinates a grantee of this type may read under a grant from this authority (from the schema's rules).</summary>
public delegate IReadOnlyList<string> GrantableFields(OrganizationType grantee, GrantingAuthority authority);
