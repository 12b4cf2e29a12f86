namespace GraphQlRegistry.Data.Entities;

/// <summary>
/// The revision of what decides a caller's standing: one row whose number database triggers raise on every change to
/// <see cref="Organization"/> or <see cref="Grant"/> rows, whoever writes them (a mutation, the CLI, another server
/// instance, a hand-run statement). A cache of those rows is current exactly while this number is unchanged.
/// </summary>
public sealed class LedgerRevision
{
    public const int SingleRowId = 1;

    public int Id { get; init; }

    public long Revision { get; init; }
}
