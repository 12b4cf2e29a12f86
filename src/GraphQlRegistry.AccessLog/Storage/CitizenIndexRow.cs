namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// One span's row in the citizen index: the start of its citizen's pseudonym and the span's first sequence. The
/// index has two levels of this shape, because a pseudonym is random and every span would otherwise dirty a random
/// leaf of one large b-tree, which SQLite writes out whole at every commit:
/// <list type="bullet">
/// <item><see cref="AccessLogDbContext.RecentCitizenIndex"/>, small, written with each span in its transaction;</item>
/// <item><see cref="AccessLogDbContext.CitizenIndex"/>, large, which receives the recent level, sorted, whenever that
/// grows past <c>CitizenIndexBatch</c> rows, in the same transaction that empties it.</item>
/// </list>
/// A span is in exactly one level at any moment, so a reader takes both. The index is derived from the spans, which the
/// chain covers: <c>audit verify</c> checks that every span is indexed.
/// </summary>
public sealed class CitizenIndexRow
{
    /// <summary>How much of a pseudonym the index keeps: 64 bits of an HMAC tell citizens apart; the span row settles the rest.</summary>
    public const int KeyLength = 16;

    public required string CitizenKey { get; init; }

    public long FirstSequence { get; init; }

    public static string KeyOf(string citizenRef) => citizenRef.Length <= KeyLength ? citizenRef : citizenRef[..KeyLength];
}
