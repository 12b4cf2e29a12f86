using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Flags;

/// <summary>A flag beside the access it is about: the security team's first lead, ahead of any statistical anomaly.</summary>
public sealed record FlaggedAccess(
    AccessFlag Flag,
    DateTimeOffset? AccessedAt,
    string? OrganizationId,
    OrganizationType? OrganizationType,
    string? Subject,
    string? Purpose,
    IReadOnlyList<string> Fields)
{
    public static FlaggedAccess Of(AccessFlag flag, IReadOnlyList<AccessLogEntry> entries)
    {
        var first = entries.Count == 0 ? null : entries[0];
        return new FlaggedAccess(flag, first?.Time, first?.OrganizationId, first?.OrganizationType, first?.Subject, first?.Purpose,
            entries.Select(e => e.Field).OfType<string>().Distinct(StringComparer.Ordinal).ToList());
    }
}
