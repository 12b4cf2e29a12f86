namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// One sorted run of the citizen index's settled level (<see cref="SettledCitizenIndexRow"/>): written once, in key
/// order, by a settle or a merge, and deleted when a merge has moved all its rows on.
/// <list type="bullet">
/// <item>a run being merged names its target in <see cref="MergingInto"/>; its rows at keys below the target's
/// <see cref="MergedBelow"/> have moved there;</item>
/// <item>a merge's target holds <see cref="MergedBelow"/> (the first key not yet moved, "" before the first slice)
/// until its last slice, and <see cref="Rows"/> counts what it will hold.</item>
/// </list>
/// </summary>
public sealed class CitizenIndexRun
{
    public long Run { get; init; }

    public long Rows { get; set; }

    public long? MergingInto { get; set; }

    public string? MergedBelow { get; set; }
}
