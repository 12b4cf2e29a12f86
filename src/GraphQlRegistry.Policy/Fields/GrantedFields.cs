namespace GraphQlRegistry.Policy.Fields;

/// <summary>The grantable fields a grant lists, as a bit set over <see cref="FieldRule.GrantBit"/>.</summary>
public readonly record struct GrantedFields(ulong Bits)
{
    public static GrantedFields None => default;

    public bool Contains(FieldRule field) => field.IsGrantable && (Bits & (1UL << field.GrantBit)) != 0;
}
