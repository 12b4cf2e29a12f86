namespace GraphQlRegistry.Policy.Grants;

/// <summary>An immutable set of granting authorities as a bit mask.</summary>
public readonly record struct AuthoritySet(uint Bits)
{
    public static AuthoritySet Of(IEnumerable<GrantingAuthority> authorities) =>
        new(authorities.Aggregate(0u, (bits, authority) => bits | Bit(authority)));

    public bool Contains(GrantingAuthority authority) => (Bits & Bit(authority)) != 0;

    public IEnumerable<GrantingAuthority> Members =>
        Enum.GetValues<GrantingAuthority>().Where(Contains);

    private static uint Bit(GrantingAuthority authority) => 1u << (int)authority;
}
