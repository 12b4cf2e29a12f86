namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// One span's row in the settled level of the citizen index: the <see cref="CitizenIndexRun"/> that holds it, then
/// the recent level's key. Keyed by run first, so that a run is one contiguous stretch of the b-tree, written in order.
/// </summary>
public sealed class SettledCitizenIndexRow
{
    public long Run { get; init; }

    public required string CitizenKey { get; init; }

    public long FirstSequence { get; init; }
}
