using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;

namespace GraphQlRegistry.Api.Auditing;

/// <summary>
/// Tells which entries of a citizen's history disclosed their id or name as a relative of the record read (their
/// child's father field, their spouse's spouse field) rather than as their own record.
/// </summary>
public static class RelativeDisclosures
{
    private const string RelativeFieldPrefix = "Relative.";

    // INVARIANT: the entitlement middleware records a relative's disclosed field twice, back to back: first under the
    // reference of the record read, then under the relative's own. A request's records reach the chain contiguous and
    // in order (the group-commit writer links each request's list as one run). So an entry disclosed through someone
    // else's record directly follows an entry of the same request and path about another citizen; an entry about the
    // record read never does (it is followed by that twin, not preceded).
    public static async Task<IReadOnlySet<long>> ThroughRelativesAsync(AccessLogReader reader, IEnumerable<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var through = new HashSet<long>();
        foreach (var entry in entries.Where(e => e.Field?.StartsWith(RelativeFieldPrefix, StringComparison.Ordinal) == true))
        {
            var previous = await reader.PageAsync(new AccessLogFilter(), 1, entry.Sequence, cancellationToken);
            if (previous is [var twin] && twin.Sequence == entry.Sequence - 1 && twin.RequestId == entry.RequestId
                && twin.Path == entry.Path && twin.Field == entry.Field && twin.CitizenRef != entry.CitizenRef)
            {
                through.Add(entry.Sequence);
            }
        }

        return through;
    }
}
