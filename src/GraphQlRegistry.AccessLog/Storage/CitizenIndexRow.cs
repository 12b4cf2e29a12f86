namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// One span's row in the citizen index's recent level: the start of its citizen's pseudonym and the span's first
/// sequence. A pseudonym is random, so every span would dirty a random leaf of one large b-tree, which SQLite writes
/// out whole at every commit. The index therefore has two levels:
/// <list type="bullet">
/// <item><see cref="AccessLogDbContext.RecentCitizenIndex"/>, small, written with each span in its transaction and
/// kept in span order, so that it too grows at its end (readers scan it);</item>
/// <item>the settled level, sorted runs (<see cref="CitizenIndexRun"/>, <see cref="SettledCitizenIndexRow"/>): the
/// recent level becomes a new run whenever it reaches <c>CitizenIndexBatch</c> rows, in the transaction that empties
/// it, and runs merge a slice at a time (<see cref="CitizenIndexCompaction"/>).</item>
/// </list>
/// A span is in exactly one place at any moment, so a reader takes the recent level and every run. The index is
/// derived from the spans, which the chain covers: <c>audit verify</c> checks that every span is indexed.
/// </summary>
public sealed class CitizenIndexRow
{
    /// <summary>How much of a pseudonym the index keeps: 64 bits of an HMAC tell citizens apart; the span row settles the rest.</summary>
    public const int KeyLength = 16;

    public required string CitizenKey { get; init; }

    public long FirstSequence { get; init; }

    public static string KeyOf(string citizenRef) => citizenRef.Length <= KeyLength ? citizenRef : citizenRef[..KeyLength];
}
