namespace GraphQlRegistry.Policy.Organizations;

/// <summary>An immutable set of organisation types as a bit mask, so a membership test allocates nothing.</summary>
public readonly record struct OrganizationTypeSet(uint Bits)
{
    public static OrganizationTypeSet Of(IEnumerable<OrganizationType> types) =>
        new(types.Aggregate(0u, (bits, type) => bits | Bit(type)));

    public bool Contains(OrganizationType type) => (Bits & Bit(type)) != 0;

    public IEnumerable<OrganizationType> Members =>
        Enum.GetValues<OrganizationType>().Where(Contains);

    private static uint Bit(OrganizationType type) => 1u << (int)type;
}
