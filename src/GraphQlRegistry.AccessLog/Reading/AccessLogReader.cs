using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Reading;

/// <summary>
/// The auditors' and citizens' reads of the log: newest first, keyset-paged by sequence. The database narrows the
/// requests (a citizen's through their spans, an organisation's through the requests' organisation index, a period
/// through the time index); each request's packed entries are then matched here. A field, decision or type with no
/// entry in the period is answered from the hourly rollup without reading any request.
/// </summary>
public sealed class AccessLogReader(AccessLogDbContext context)
{
    // Requests (or a citizen's spans) read per round trip while looking for a page's entries, newest first: few at
    // first, since a page of a state agency's requests holds 15,000 entries, then twice as many each time, up to 64.
    private const int FirstRead = 4;
    private const int LargestRead = 64;

    /// <summary>Up to <paramref name="first"/> entries older than <paramref name="beforeSequence"/>, newest first.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> PageAsync(AccessLogFilter filter, int first, long? beforeSequence, CancellationToken cancellationToken)
    {
        if (first == 0 || await new HourlyCounts(context).NoneAsync(filter, cancellationToken))
        {
            return [];
        }

        var fieldId = await TextIdAsync(filter.Field, cancellationToken);
        if (filter.Field is not null && fieldId is null)
        {
            return [];
        }

        var rows = new List<EntryRow>(first);
        await foreach (var row in MatchingAsync(filter, fieldId, beforeSequence, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == first)
            {
                break;
            }
        }

        return await ToEntriesAsync(rows, filter.CitizenRef, cancellationToken);
    }

    /// <summary>Every matching entry, oldest first, streamed a request at a time: memory stays constant however long the log is.</summary>
    public async IAsyncEnumerable<AccessLogEntry> StreamAsync(AccessLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fromMs = filter.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var toMs = filter.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        var earliest = fromMs == long.MinValue ? long.MinValue : fromMs - ChainLinker.MaxTimeOffsetMs;
        var firstRequest = await context.Requests.Where(r => r.TimeUnixMs >= earliest).MinAsync(r => (long?)r.Start, cancellationToken);
        if (firstRequest is not { } start)
        {
            yield break;
        }

        await foreach (var request in StoredChain.ReadAsync(context, start, cancellationToken))
        {
            for (var i = 0; i < request.Entries.Length; i++)
            {
                var entry = request.Entries[i];
                if (entry.TimeUnixMs >= fromMs && entry.TimeUnixMs < toMs && Matches(request, entry, filter))
                {
                    yield return ToEntry(request, i, entry);
                }
            }
        }
    }

    public Task<IReadOnlyList<AccessStatsBucket>> StatsAsync(IReadOnlySet<AccessStatsDimension> groupBy, AccessLogFilter filter, CancellationToken cancellationToken) =>
        new HourlyCounts(context).StatsAsync(groupBy, filter, cancellationToken);

    /// <summary>
    /// Every entry matching a filter, older than <paramref name="beforeSequence"/>, newest first; <paramref name="fieldId"/>
    /// is the filter's field as a text id. Requests are read a few at a time, so a caller that stops early reads little.
    /// </summary>
    internal IAsyncEnumerable<EntryRow> MatchingAsync(AccessLogFilter filter, int? fieldId, long? beforeSequence, CancellationToken cancellationToken)
    {
        var match = new EntryMatch(filter, fieldId, beforeSequence);
        return filter.CitizenRef is { } citizen
            ? CitizenEntriesAsync(citizen, match, cancellationToken)
            : RequestEntriesAsync(filter, match, cancellationToken);
    }

    /// <summary>
    /// The entries of the requests a filter without a citizen selects. A period is first turned into the range of
    /// request sequences it covers (from the time index), so an organisation's index is walked only over that range.
    /// </summary>
    private async IAsyncEnumerable<EntryRow> RequestEntriesAsync(AccessLogFilter filter, EntryMatch match, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = context.Requests.AsNoTracking();
        if (filter.From is not null || filter.To is not null)
        {
            var earliest = filter.From is { } periodStart ? periodStart.ToUnixTimeMilliseconds() - ChainLinker.MaxTimeOffsetMs : long.MinValue;
            var latest = filter.To is { } periodEnd ? periodEnd.ToUnixTimeMilliseconds() + ChainLinker.MaxTimeOffsetMs : long.MaxValue;
            var inPeriod = context.Requests.Where(r => r.TimeUnixMs >= earliest && r.TimeUnixMs < latest);
            var low = await inPeriod.MinAsync(r => (long?)r.Start, cancellationToken) ?? 0;
            var high = await inPeriod.MaxAsync(r => (long?)r.Start, cancellationToken) ?? -1;
            requests = requests.Where(r => r.Start >= low && r.Start <= high && r.TimeUnixMs >= earliest && r.TimeUnixMs < latest);
        }

        if (filter.OrganizationId is { } organizationId)
        {
            requests = requests.Where(r => r.OrganizationId == organizationId);
        }

        if (filter.OrganizationType is { } organizationType)
        {
            requests = requests.Where(r => r.OrganizationType == organizationType);
        }

        var newestFirst = NewestFirstAsync(match.BeforeSequence, r => r.Start,
            (before, take) => requests.Where(r => r.Start < before).OrderByDescending(r => r.Start).Take(take).ToListAsync(cancellationToken));
        await foreach (var request in newestFirst)
        {
            foreach (var row in match.NewestFirst(request, 0, request.EntryCount - 1))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// A citizen's entries: their spans, found through the citizen index's recent level and runs, and checked against
    /// the whole pseudonym; each span lies within one request, the last one starting at or before it.
    /// </summary>
    private async IAsyncEnumerable<EntryRow> CitizenEntriesAsync(string citizenRef, EntryMatch match, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var indexed = context.IndexedSpansUnder(CitizenIndexRow.KeyOf(citizenRef));
        var spans = context.CitizenSpans.AsNoTracking().Where(s => indexed.Contains(s.FirstSequence) && s.CitizenRef == citizenRef);
        await foreach (var (span, request) in NewestFirstAsync(match.BeforeSequence, found => found.Span.FirstSequence, ReadAsync))
        {
            if (request is not null && match.Selects(request))
            {
                var last = Math.Min(span.LastSequence, request.Start + request.EntryCount - 1);
                foreach (var row in match.NewestFirst(request, (int)(span.FirstSequence - request.Start), (int)(last - request.Start)))
                {
                    yield return row;
                }
            }
        }

        // The spans with the request each lies in: the last one starting at or before it.
        async Task<List<(CitizenSpan Span, LoggedRequest? Request)>> ReadAsync(long before, int take)
        {
            var read = await spans.Where(s => s.FirstSequence < before).OrderByDescending(s => s.FirstSequence).Take(take)
                .Select(s => new { Span = s, Start = context.Requests.Where(r => r.Start <= s.FirstSequence).Max(r => (long?)r.Start) })
                .ToListAsync(cancellationToken);
            var starts = read.Select(s => s.Start).OfType<long>().Distinct().ToArray();
            var requests = await context.Requests.AsNoTracking().Where(r => starts.Contains(r.Start)).ToDictionaryAsync(r => r.Start, cancellationToken);
            return [.. read.Select(s => (s.Span, s.Start is { } start ? requests.GetValueOrDefault(start) : null))];
        }
    }

    /// <summary>
    /// What <paramref name="read"/> returns, older than <paramref name="before"/> by <paramref name="keyOf"/>, newest
    /// first: <see cref="FirstRead"/> per round trip, then twice as many each time up to <see cref="LargestRead"/>,
    /// until a read comes back short. A caller that stops early reads little.
    /// </summary>
    private static async IAsyncEnumerable<T> NewestFirstAsync<T>(long before, Func<T, long> keyOf, Func<long, int, Task<List<T>>> read)
    {
        for (var take = FirstRead; ; take = Math.Min(take * 2, LargestRead))
        {
            var found = await read(before, take);
            foreach (var item in found)
            {
                yield return item;
            }

            if (found.Count < take)
            {
                yield break;
            }

            before = keyOf(found[^1]);
        }
    }

    /// <summary>
    /// The citizen of the entry at <paramref name="path"/> in the request that holds entry <paramref name="sequence"/>:
    /// null when that request has no entry at the path, or the entry is about no citizen.
    /// </summary>
    public async Task<string?> CitizenAtPathAsync(long sequence, string path, CancellationToken cancellationToken)
    {
        if (await TextIdAsync(path, cancellationToken) is not { } pathId
            || await context.Requests.Where(r => r.Start <= sequence).MaxAsync(r => (long?)r.Start, cancellationToken) is not { } start)
        {
            return null;
        }

        var packed = await context.Requests.Where(r => r.Start == start).Select(r => r.Fields).SingleAsync(cancellationToken);
        if (FirstAtPath(packed, pathId) is not { } ordinal)
        {
            return null;
        }

        var entry = start + ordinal;
        var span = await context.CitizenSpans.AsNoTracking().Where(s => s.FirstSequence >= start && s.FirstSequence <= entry)
            .OrderByDescending(s => s.FirstSequence).FirstOrDefaultAsync(cancellationToken);
        return CitizenIfReaching(span, entry);
    }

    private static int? FirstAtPath(byte[] packed, int pathId)
    {
        for (var ordinal = 0; ordinal < PackedFields.CountOf(packed); ordinal++)
        {
            if (PackedFields.Read(packed, ordinal).PathId == pathId)
            {
                return ordinal;
            }
        }

        return null;
    }

    internal async Task<int?> TextIdAsync(string? text, CancellationToken cancellationToken) =>
        text is null ? null : await context.Texts.AsNoTracking().Where(t => t.Text == text).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<AccessLogEntry>> ToEntriesAsync(List<EntryRow> rows, string? citizenRef, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => new[] { r.Field.FieldId, r.Field.PathId, r.Field.ReasonId }).Where(id => id != 0).Distinct().ToArray();
        var texts = await context.Texts.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Text, cancellationToken);
        var spans = await SpansOfAsync(citizenRef is null ? rows : [], cancellationToken);
        return rows.Select(row => new AccessLogEntry
        {
            Sequence = row.Sequence,
            TimeUnixMs = row.TimeUnixMs,
            RequestId = row.Request.RequestId,
            OperationName = row.Request.OperationName,
            Subject = row.Request.Subject,
            OrganizationId = row.Request.OrganizationId,
            OrganizationType = row.Request.OrganizationType,
            GrantId = row.Request.GrantId,
            GrantAuthority = row.Request.GrantAuthority,
            Channel = row.Request.Channel,
            Purpose = row.Request.Purpose,
            CitizenRef = citizenRef ?? CitizenOf(spans, row),
            Field = TextOf(row.Field.FieldId),
            Path = TextOf(row.Field.PathId),
            Decision = WireCodes.Outcome(row.Field.Decision),
            Mask = WireCodes.Mask(row.Field.Mask),
            Reason = TextOf(row.Field.ReasonId),
            PreviousHash = Convert.ToHexStringLower(row.Request.PreviousHash),
            Hash = Convert.ToHexStringLower(row.Request.Hash),
        }).ToList();

        string? TextOf(int id) => id == 0 ? null : texts[id];
    }

    /// <summary>The spans of a page's requests (a span never leaves its request), found after paging so that only a page pays for them.</summary>
    private async Task<ILookup<long, CitizenSpan>> SpansOfAsync(List<EntryRow> rows, CancellationToken cancellationToken)
    {
        var starts = rows.Select(r => r.Request.Start).Distinct().ToArray();
        var spans = await (
            from r in context.Requests.AsNoTracking()
            where starts.Contains(r.Start)
            from s in context.CitizenSpans.AsNoTracking()
            where s.FirstSequence >= r.Start && s.FirstSequence < r.Start + r.EntryCount
            select new { r.Start, Span = s }).ToListAsync(cancellationToken);
        return spans.ToLookup(s => s.Start, s => s.Span);
    }

    /// <summary>The citizen of the last span starting at or before the entry, if it reaches the entry: the rule the chain check follows.</summary>
    private static string? CitizenOf(ILookup<long, CitizenSpan> spans, EntryRow row) =>
        CitizenIfReaching(spans[row.Request.Start].Where(s => s.FirstSequence <= row.Sequence).MaxBy(s => s.FirstSequence), row.Sequence);

    /// <summary>The citizen of the last span starting at or before an entry, if that span reaches the entry.</summary>
    private static string? CitizenIfReaching(CitizenSpan? lastStartingAtOrBefore, long sequence) =>
        lastStartingAtOrBefore is { } span && span.LastSequence >= sequence ? span.CitizenRef : null;

    private static bool Matches(StoredRequest request, HashedEntry entry, AccessLogFilter filter) =>
        (filter.CitizenRef is null || entry.CitizenRef == filter.CitizenRef)
        && (filter.OrganizationId is null || request.Context.OrganizationId == filter.OrganizationId)
        && (filter.OrganizationType is not { } type || request.Context.OrganizationType == WireNames.Of(type))
        && (filter.Field is null || entry.Field == filter.Field)
        && (filter.Decision is not { } decision || entry.Decision == WireNames.Of(decision));

    private static AccessLogEntry ToEntry(StoredRequest request, int ordinal, HashedEntry entry) => new()
    {
        Sequence = request.Start + ordinal,
        TimeUnixMs = entry.TimeUnixMs,
        RequestId = request.Context.RequestId,
        OperationName = request.Context.OperationName,
        Subject = request.Context.Subject,
        OrganizationId = request.Context.OrganizationId,
        OrganizationType = request.Context.OrganizationType is { } type ? WireNames.Parse<Policy.Organizations.OrganizationType>(type) : null,
        GrantId = request.Context.GrantId,
        GrantAuthority = request.Context.GrantAuthority is { } authority ? WireNames.Parse<Policy.Grants.GrantingAuthority>(authority) : null,
        Channel = request.Context.Channel is { } channel ? WireNames.Parse<Policy.Organizations.Channel>(channel) : null,
        Purpose = request.Context.Purpose,
        CitizenRef = entry.CitizenRef,
        Field = entry.Field,
        Path = entry.Path,
        Decision = WireNames.Parse<FieldOutcome>(entry.Decision),
        Mask = WireNames.Parse<FieldMask>(entry.Mask),
        Reason = entry.Reason,
        PreviousHash = Convert.ToHexStringLower(request.PreviousHash),
        Hash = Convert.ToHexStringLower(request.Hash),
    };

    /// <summary>One stored entry as a read finds it, before its texts are looked up: its request and its own part.</summary>
    internal readonly record struct EntryRow(LoggedRequest Request, int Ordinal, LoggedField Field)
    {
        public long Sequence => Request.Start + Ordinal;

        public long TimeUnixMs => Request.TimeUnixMs + Field.TimeOffsetMs;
    }

    /// <summary>
    /// What of a filter is matched on the entries themselves, once the database has narrowed the requests: the
    /// request's organisation and type (again, for requests found through a citizen's spans), the entry's field,
    /// decision, time and sequence.
    /// </summary>
    private sealed class EntryMatch(AccessLogFilter filter, int? fieldId, long? beforeSequence)
    {
        private readonly byte? _decision = filter.Decision is { } decision ? WireCodes.Of(decision) : null;
        private readonly long _fromMs = filter.From?.ToUnixTimeMilliseconds() ?? long.MinValue;
        private readonly long _toMs = filter.To?.ToUnixTimeMilliseconds() ?? long.MaxValue;

        public long BeforeSequence { get; } = beforeSequence ?? long.MaxValue;

        public bool Selects(LoggedRequest request) =>
            (filter.OrganizationId is null || request.OrganizationId == filter.OrganizationId)
            && (filter.OrganizationType is null || request.OrganizationType == filter.OrganizationType);

        /// <summary>The matching entries of <paramref name="request"/> from ordinal <paramref name="last"/> down to <paramref name="first"/>.</summary>
        public IEnumerable<EntryRow> NewestFirst(LoggedRequest request, int first, int last)
        {
            last = (int)Math.Min(last, Math.Min(BeforeSequence - 1 - request.Start, PackedFields.CountOf(request.Fields) - 1));
            for (var ordinal = last; ordinal >= Math.Max(first, 0); ordinal--)
            {
                var field = PackedFields.Read(request.Fields, ordinal);
                var time = request.TimeUnixMs + field.TimeOffsetMs;
                if ((fieldId is not { } id || field.FieldId == id) && (_decision is not { } code || field.Decision == code) && time >= _fromMs && time < _toMs)
                {
                    yield return new EntryRow(request, ordinal, field);
                }
            }
        }
    }
}
