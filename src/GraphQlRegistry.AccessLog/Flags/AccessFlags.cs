using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Flags;

/// <summary>Appends citizens' flags and reads them back for auditors, citizens and the security team's tools.</summary>
public sealed class AccessFlags(AccessLogDbContext context)
{
    /// <summary>Whether the citizen's own history holds an entry of this request: the only requests a citizen may flag.</summary>
    public async Task<bool> IsInHistoryAsync(string citizenRef, string requestId, CancellationToken cancellationToken) =>
        await EntriesOfRequest(citizenRef, requestId).AnyAsync(cancellationToken);

    /// <summary>Appends a flag; there is no update or delete anywhere.</summary>
    public async Task<AccessFlag> AppendAsync(AccessFlag flag, CancellationToken cancellationToken)
    {
        context.Flags.Add(flag);
        await context.SaveChangesAsync(cancellationToken);
        return flag;
    }

    /// <summary>The flags on these requests, oldest first, by request id.</summary>
    public async Task<ILookup<string, AccessFlag>> OnRequestsAsync(IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
    {
        if (requestIds.Count == 0)
        {
            return Array.Empty<AccessFlag>().ToLookup(f => f.RequestId);
        }

        var flags = await context.Flags.AsNoTracking()
            .Where(f => requestIds.Contains(f.RequestId))
            .OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return flags.ToLookup(f => f.RequestId, StringComparer.Ordinal);
    }

    /// <summary>Every flag raised at or after <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AccessFlag>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        return await context.Flags.AsNoTracking().Where(f => f.TimeUnixMs >= sinceMs).OrderBy(f => f.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Each flag since <paramref name="since"/> with what the log says about the flagged request, as the flagging
    /// citizen's history shows it: who read, when, which fields.
    /// </summary>
    public async Task<IReadOnlyList<FlaggedAccess>> FlaggedAccessesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var flagged = new List<FlaggedAccess>();
        foreach (var flag in await SinceAsync(since, cancellationToken))
        {
            flagged.Add(FlaggedAccess.Of(flag, await EntriesOfRequest(flag.CitizenRef, flag.RequestId).ToListAsync(cancellationToken)));
        }

        return flagged;
    }

    /// <summary>
    /// The entries of one request in a citizen's history. A citizen's history is small and found through its spans;
    /// the entries have no request-id index.
    /// </summary>
    private IAsyncEnumerable<AccessLogEntry> EntriesOfRequest(string citizenRef, string requestId) =>
        new AccessLogReader(context).StreamAsync(new AccessLogFilter(CitizenRef: citizenRef)).Where(entry => entry.RequestId == requestId);
}
