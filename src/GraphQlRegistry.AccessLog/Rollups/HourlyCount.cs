namespace GraphQlRegistry.AccessLog.Rollups;

/// <summary>
/// How many entries one UTC hour holds for one organisation, organisation type, field, decision and reason. Kept by
/// the writer in the transaction that writes the entries, so it is always exact; questions over millions of entries
/// read thousands of rows. Texts are <see cref="Storage.LogText"/> ids, 0 where an entry has none (so the key has
/// no null and a commit adds to its row with one upsert). The chain, not the rollup, is the evidence.
/// </summary>
public sealed class HourlyCount
{
    /// <summary>Hours since the Unix epoch, UTC: the entry's time in milliseconds divided by an hour.</summary>
    public int Hour { get; init; }

    public int OrganizationId { get; init; }

    public int OrganizationType { get; init; }

    public int FieldId { get; init; }

    public byte Decision { get; init; }

    public int ReasonId { get; init; }

    public long Count { get; set; }
}
