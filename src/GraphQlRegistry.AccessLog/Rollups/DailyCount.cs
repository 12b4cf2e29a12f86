using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Rollups;

/// <summary>
/// How many entries one UTC day holds for one organisation, field, decision and reason. Derived from the entries by
/// <see cref="DailyCounts"/>, so questions over millions of entries read thousands of rows; the chain, not the
/// rollup, is the evidence.
/// </summary>
public sealed class DailyCount
{
    public long Id { get; init; }

    /// <summary>Days since the Unix epoch, UTC: the entry's <c>TimeUnixMs</c> divided by a day.</summary>
    public long Day { get; init; }

    public string? OrganizationId { get; init; }

    public OrganizationType? OrganizationType { get; init; }

    public string? Field { get; init; }

    public FieldOutcome Decision { get; init; }

    public string? Reason { get; init; }

    public long Count { get; set; }
}

/// <summary>The last entry a rollup has counted: everything up to and including <see cref="Sequence"/> is in it.</summary>
public sealed class RollupMark
{
    public required string Name { get; init; }

    public long Sequence { get; set; }
}
