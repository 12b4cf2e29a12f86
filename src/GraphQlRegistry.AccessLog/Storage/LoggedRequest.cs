using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// A request's row: what is the same for all its entries, stored once, the hash that chains its entries, and the
/// entries' own parts (<see cref="Fields"/>).
/// Keyed by the sequence of its first entry; its entries are numbered on from there, so the next request starts at
/// <see cref="Start"/> + <see cref="EntryCount"/>.
/// </summary>
public sealed class LoggedRequest
{
    public long Start { get; init; }

    public int EntryCount { get; init; }

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

    public required byte[] PreviousHash { get; init; }

    public required byte[] Hash { get; init; }

    /// <summary>Its entries, <see cref="EntryCount"/> of them, packed (<see cref="PackedFields"/>).</summary>
    public required byte[] Fields { get; init; }
}
