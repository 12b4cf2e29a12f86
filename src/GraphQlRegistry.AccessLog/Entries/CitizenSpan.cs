namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// A run of consecutive entries about one citizen, written with them in the same transaction. It is where an entry's
/// citizen is stored (once per run, not once per field) and how the citizen and auditor views find a citizen's
/// entries. Spans are part of the evidence: the chain hashes every entry's citizen, so an edited, removed or added
/// span breaks the request it covers.
/// </summary>
public sealed class CitizenSpan
{
    public required string CitizenRef { get; init; }

    public long FirstSequence { get; init; }

    public long LastSequence { get; init; }
}
