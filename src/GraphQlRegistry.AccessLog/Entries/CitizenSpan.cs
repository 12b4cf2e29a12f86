namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// A run of consecutive entries about one citizen, written with them in the same transaction. It is how the citizen
/// and auditor views find a citizen's entries: one index row per run instead of a random-key index entry per field,
/// which would multiply the log's write cost. Derived data: the chain, not the spans, is the evidence.
/// </summary>
public sealed class CitizenSpan
{
    public required string CitizenRef { get; init; }

    public long FirstSequence { get; init; }

    public long LastSequence { get; init; }
}
