using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>A stored entry: an access record with its place in the chain.</summary>
public sealed class AccessLogEntry
{
    public long Sequence { get; init; }

    public long TimeUnixMs { get; init; }

    public required string RequestId { get; init; }

    public string? OperationName { get; init; }

    public string? Subject { get; init; }

    public string? OrganizationId { get; init; }

    public OrganizationType? OrganizationType { get; init; }

    public string? GrantId { get; init; }

    public GrantingAuthority? GrantAuthority { get; init; }

    public Channel? Channel { get; init; }

    public string? Purpose { get; init; }

    public string? CitizenRef { get; init; }

    public string? Field { get; init; }

    public string? Path { get; init; }

    public FieldOutcome Decision { get; init; }

    public FieldMask Mask { get; init; }

    public string? Reason { get; init; }

    public required string PreviousHash { get; init; }

    public string Hash { get; private set; } = string.Empty;

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeUnixMs);

    /// <summary>Places a record in the chain after the entry whose hash is <paramref name="previousHash"/>.</summary>
    public static AccessLogEntry Link(AccessRecord record, long sequence, string previousHash)
    {
        var entry = FromRecord(record, sequence, previousHash);
        entry.Hash = EntryHasher.Compute(entry);
        return entry;
    }

    private static AccessLogEntry FromRecord(AccessRecord record, long sequence, string previousHash) => new()
    {
        Sequence = sequence,
        TimeUnixMs = record.Time.ToUnixTimeMilliseconds(),
        RequestId = record.Context.RequestId,
        OperationName = record.Context.OperationName,
        Subject = record.Context.Subject,
        OrganizationId = record.Context.OrganizationId,
        OrganizationType = record.Context.OrganizationType,
        GrantId = record.Context.GrantId,
        GrantAuthority = record.Context.GrantAuthority,
        Channel = record.Context.Channel,
        Purpose = record.Context.Purpose,
        CitizenRef = record.CitizenRef,
        Field = record.Field,
        Path = record.Path,
        Decision = record.Decision,
        Mask = record.Mask,
        Reason = record.Reason,
        PreviousHash = previousHash,
    };
}
