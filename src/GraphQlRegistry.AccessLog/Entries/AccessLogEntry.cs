using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// An entry as read back: the request's context and the field's decision, with its place in the chain. It is stored
/// compactly (the request once, the field as a few small integers); <see cref="Hash"/> and <see cref="PreviousHash"/>
/// are those of the request the entry belongs to, which is the unit the chain hashes.
/// </summary>
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

    public required string Hash { get; init; }

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeUnixMs);
}
