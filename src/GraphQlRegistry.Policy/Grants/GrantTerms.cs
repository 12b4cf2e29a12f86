namespace GraphQlRegistry.Policy.Grants;

/// <summary>The parts of a grant that decide whether it counts at a given moment.</summary>
public sealed record GrantTerms(
    GrantingAuthority Authority,
    AuthorityUnit? AuthorityUnit,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    DateTimeOffset? RevokedAt);
