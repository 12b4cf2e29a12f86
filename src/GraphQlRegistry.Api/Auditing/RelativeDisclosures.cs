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

    // A relative's field sits under a relationship field of the record read (`father { fullName }`), and the entitlement
    // middleware records it twice: about the record read and about the relative. The relationship field itself is
    // recorded about the record read only. So an entry about anyone else than the citizen of the entry one step up its
    // path was disclosed through someone else's record. Order plays no part: the chain numbers a request's entries
    // citizen by citizen, not in the order they were resolved.
    public static async Task<IReadOnlySet<long>> ThroughRelativesAsync(AccessLogReader reader, IEnumerable<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        var through = new HashSet<long>();
        // A relative's id and name sit under one relationship field: its owner is looked up once for both.
        var owners = new Dictionary<(string RequestId, string Path), string?>();
        foreach (var entry in entries.Where(e => e.Field?.StartsWith(RelativeFieldPrefix, StringComparison.Ordinal) == true))
        {
            if (entry.Path is not { } path || path.LastIndexOf('.') is not (> 0 and var cut))
            {
                continue;
            }

            (string RequestId, string Path) parent = (entry.RequestId, path[..cut]);
            if (!owners.TryGetValue(parent, out var owner))
            {
                owners[parent] = owner = await reader.CitizenAtPathAsync(entry.Sequence, parent.Path, cancellationToken);
            }

            if (owner is not null && owner != entry.CitizenRef)
            {
                through.Add(entry.Sequence);
            }
        }

        return through;
    }
}
