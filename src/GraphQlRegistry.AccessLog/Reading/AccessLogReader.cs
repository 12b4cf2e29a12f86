using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Reading;

/// <summary>
/// The auditors' and citizens' reads of the log: newest first, keyset-paged by sequence. A citizen's entries are
/// found through their spans; an organisation's through the requests' organisation index; a field, decision or type
/// with no entry in the period is answered from the daily rollup without touching the entries.
/// </summary>
public sealed class AccessLogReader(AccessLogDbContext context)
{
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

        var rows = filter.CitizenRef is { } citizen
            ? await CitizenRows(citizen, fieldId, filter, beforeSequence).OrderByDescending(r => r.Sequence).Take(first).ToListAsync(cancellationToken)
            : await NewestFirst(await RowsAsync(fieldId, filter, beforeSequence, cancellationToken), filter).Take(first).ToListAsync(cancellationToken);
        return await ToEntriesAsync(rows, filter.CitizenRef, cancellationToken);
    }

    /// <summary>
    /// Newest first, in the order of the index the query walks, so no page sorts its matches: the requests' index when
    /// the filter selects requests (organisation, type, period), the entries' primary key otherwise. Both orders are
    /// the entries' sequence order.
    /// </summary>
    private static IQueryable<EntryRow> NewestFirst(IQueryable<EntryRow> rows, AccessLogFilter filter) =>
        filter.OrganizationId is not null || filter.OrganizationType is not null || filter.From is not null || filter.To is not null
            ? rows.OrderByDescending(r => r.Request.Start).ThenByDescending(r => r.Ordinal)
            : rows.OrderByDescending(r => r.RequestStart).ThenByDescending(r => r.Ordinal);

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
                    yield return ToEntry(request, request.Ordinals[i], entry);
                }
            }
        }
    }

    public Task<IReadOnlyList<AccessStatsBucket>> StatsAsync(IReadOnlySet<AccessStatsDimension> groupBy, AccessLogFilter filter, CancellationToken cancellationToken) =>
        new HourlyCounts(context).StatsAsync(groupBy, filter, cancellationToken);

    /// <summary>
    /// The entries matching a filter without a citizen. A period is first turned into the range of request sequences
    /// it covers (from the time index), so an organisation's index is walked only over that range.
    /// </summary>
    internal async Task<IQueryable<EntryRow>> RowsAsync(int? fieldId, AccessLogFilter filter, long? beforeSequence, CancellationToken cancellationToken)
    {
        var requests = context.Requests.AsNoTracking();
        if (filter.From is not null || filter.To is not null)
        {
            var earliest = filter.From is { } periodStart ? periodStart.ToUnixTimeMilliseconds() - ChainLinker.MaxTimeOffsetMs : long.MinValue;
            var latest = filter.To is { } periodEnd ? periodEnd.ToUnixTimeMilliseconds() + ChainLinker.MaxTimeOffsetMs : long.MaxValue;
            var inPeriod = context.Requests.Where(r => r.TimeUnixMs >= earliest && r.TimeUnixMs < latest);
            var low = await inPeriod.MinAsync(r => (long?)r.Start, cancellationToken) ?? 0;
            var high = await inPeriod.MaxAsync(r => (long?)r.Start, cancellationToken) ?? -1;
            requests = requests.Where(r => r.Start >= low && r.Start <= high);
        }

        if (filter.OrganizationId is { } organizationId)
        {
            requests = requests.Where(r => r.OrganizationId == organizationId);
        }

        if (filter.OrganizationType is { } organizationType)
        {
            requests = requests.Where(r => r.OrganizationType == organizationType);
        }

        var fields = context.Fields.AsNoTracking();
        if (beforeSequence is { } before)
        {
            requests = requests.Where(r => r.Start < before);
            fields = fields.Where(f => f.RequestStart + f.Ordinal < before);
        }

        if (filter.From is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            var earliest = fromMs - ChainLinker.MaxTimeOffsetMs;
            requests = requests.Where(r => r.TimeUnixMs >= earliest);
        }

        if (filter.To is { } to)
        {
            var latest = to.ToUnixTimeMilliseconds() + ChainLinker.MaxTimeOffsetMs;
            requests = requests.Where(r => r.TimeUnixMs < latest);
        }

        fields = Narrow(fields, fieldId, filter.Decision);
        var rows =
            from r in requests
            join f in fields on r.Start equals f.RequestStart
            select new EntryRow
            {
                Request = r, RequestStart = f.RequestStart, Ordinal = f.Ordinal, Sequence = f.RequestStart + f.Ordinal, TimeUnixMs = r.TimeUnixMs + f.TimeOffsetMs,
                FieldId = f.FieldId, PathId = f.PathId, Decision = f.Decision, Mask = f.Mask, ReasonId = f.ReasonId,
            };
        return InPeriod(rows, filter);
    }

    /// <summary>
    /// A citizen's entries: their spans, found through the citizen index's recent level and runs, and checked against the whole
    /// pseudonym; each span lies within one request, the last one starting at or before it.
    /// </summary>
    internal IQueryable<EntryRow> CitizenRows(string citizenRef, int? fieldId, AccessLogFilter filter, long? beforeSequence)
    {
        var key = CitizenIndexRow.KeyOf(citizenRef);
        var indexed = context.IndexedSpansUnder(key);
        var spans = context.CitizenSpans.AsNoTracking().Where(s => indexed.Contains(s.FirstSequence) && s.CitizenRef == citizenRef);
        if (beforeSequence is { } before)
        {
            spans = spans.Where(s => s.FirstSequence < before);
        }

        var fields = Narrow(context.Fields.AsNoTracking(), fieldId, filter.Decision);
        var rows =
            from s in spans
            let start = context.Requests.Where(r => r.Start <= s.FirstSequence).Max(r => r.Start)
            join r in context.Requests.AsNoTracking() on start equals r.Start
            join f in fields on r.Start equals f.RequestStart
            where f.Ordinal >= s.FirstSequence - r.Start && f.Ordinal <= s.LastSequence - r.Start
            select new EntryRow
            {
                Request = r, RequestStart = f.RequestStart, Ordinal = f.Ordinal, Sequence = f.RequestStart + f.Ordinal, TimeUnixMs = r.TimeUnixMs + f.TimeOffsetMs,
                FieldId = f.FieldId, PathId = f.PathId, Decision = f.Decision, Mask = f.Mask, ReasonId = f.ReasonId,
            };
        if (beforeSequence is { } cursor)
        {
            rows = rows.Where(row => row.Sequence < cursor);
        }

        if (filter.OrganizationId is { } organizationId)
        {
            rows = rows.Where(row => row.Request.OrganizationId == organizationId);
        }

        if (filter.OrganizationType is { } organizationType)
        {
            rows = rows.Where(row => row.Request.OrganizationType == organizationType);
        }

        return InPeriod(rows, filter);
    }

    private static IQueryable<LoggedField> Narrow(IQueryable<LoggedField> fields, int? fieldId, FieldOutcome? decision)
    {
        if (fieldId is { } id)
        {
            fields = fields.Where(f => f.FieldId == id);
        }

        if (decision is { } outcome)
        {
            var code = WireCodes.Of(outcome);
            fields = fields.Where(f => f.Decision == code);
        }

        return fields;
    }

    private static IQueryable<EntryRow> InPeriod(IQueryable<EntryRow> rows, AccessLogFilter filter)
    {
        if (filter.From is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            rows = rows.Where(row => row.TimeUnixMs >= fromMs);
        }

        if (filter.To is { } to)
        {
            var toMs = to.ToUnixTimeMilliseconds();
            rows = rows.Where(row => row.TimeUnixMs < toMs);
        }

        return rows;
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

        if (await context.Fields.Where(f => f.RequestStart == start && f.PathId == pathId)
                .Select(f => (long?)(f.RequestStart + f.Ordinal)).FirstOrDefaultAsync(cancellationToken) is not { } entry)
        {
            return null;
        }

        var span = await context.CitizenSpans.AsNoTracking().Where(s => s.FirstSequence >= start && s.FirstSequence <= entry)
            .OrderByDescending(s => s.FirstSequence).FirstOrDefaultAsync(cancellationToken);
        return CitizenIfReaching(span, entry);
    }

    internal async Task<int?> TextIdAsync(string? text, CancellationToken cancellationToken) =>
        text is null ? null : await context.Texts.AsNoTracking().Where(t => t.Text == text).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<AccessLogEntry>> ToEntriesAsync(List<EntryRow> rows, string? citizenRef, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => new[] { r.FieldId, r.PathId, r.ReasonId }).OfType<int>().Distinct().ToArray();
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
            Field = row.FieldId is { } field ? texts[field] : null,
            Path = row.PathId is { } path ? texts[path] : null,
            Decision = WireCodes.Outcome(row.Decision),
            Mask = WireCodes.Mask(row.Mask),
            Reason = row.ReasonId is { } reason ? texts[reason] : null,
            PreviousHash = Convert.ToHexStringLower(row.Request.PreviousHash),
            Hash = Convert.ToHexStringLower(row.Request.Hash),
        }).ToList();
    }

    /// <summary>The spans of a page's requests (a span never leaves its request), found after paging so that only a page pays for them.</summary>
    private async Task<ILookup<long, CitizenSpan>> SpansOfAsync(List<EntryRow> rows, CancellationToken cancellationToken)
    {
        var starts = rows.Select(r => r.RequestStart).Distinct().ToArray();
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
        CitizenIfReaching(spans[row.RequestStart].Where(s => s.FirstSequence <= row.Sequence).MaxBy(s => s.FirstSequence), row.Sequence);

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

    /// <summary>An entry's stored columns as a query returns them, before its texts are looked up.</summary>
    internal sealed class EntryRow
    {
        public required LoggedRequest Request { get; init; }

        public long RequestStart { get; init; }

        public int Ordinal { get; init; }

        public long Sequence { get; init; }

        public long TimeUnixMs { get; init; }

        public int? FieldId { get; init; }

        public int? PathId { get; init; }

        public byte Decision { get; init; }

        public byte Mask { get; init; }

        public int? ReasonId { get; init; }
    }
}
