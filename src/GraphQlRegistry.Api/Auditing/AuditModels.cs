using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Auditing;

/// <summary>The <c>AccessLogFilter</c> input as an auditor writes it: a citizen by personal id, never by reference.</summary>
public sealed class AuditFilter
{
    public string? PersonalId { get; set; }

    public string? OrganizationId { get; set; }

    public OrganizationType? OrganizationType { get; set; }

    public string? Field { get; set; }

    public FieldOutcome? Decision { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }
}

/// <summary>One entry of a citizen's history: the entry as the log holds it, the reader's name, and how it reached them.</summary>
public sealed record AccessHistoryEntry(AccessLogEntry Entry, string? OrganizationName, bool ThroughRelative);
