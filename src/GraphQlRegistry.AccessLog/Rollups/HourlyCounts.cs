using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Rollups;

/// <summary>
/// Statistics from the hourly rollup the writer keeps (<see cref="HourlyCount"/>): the whole UTC hours of a period
/// from the rollup, the parts of an hour at either end of it from the entries, and a citizen's (which the rollup does
/// not hold) from their spans.
/// </summary>
public sealed class HourlyCounts(AccessLogDbContext context)
{
    public const long MillisecondsPerDay = 86_400_000;
    public const long MillisecondsPerHour = 3_600_000;
    private const int HoursPerDay = 24;

    /// <summary>Whether the rollup shows that no entry can match (an organisation, type, field or decision absent from the period).</summary>
    public async Task<bool> NoneAsync(AccessLogFilter filter, CancellationToken cancellationToken)
    {
        if (filter.OrganizationId is null && filter.OrganizationType is null && filter.Field is null && filter.Decision is null)
        {
            return false;
        }

        var firstHour = filter.From is { } from ? (int)Math.Floor(from.ToUnixTimeMilliseconds() / (double)MillisecondsPerHour) : int.MinValue;
        var endHour = filter.To is { } to ? (int)Math.Ceiling(to.ToUnixTimeMilliseconds() / (double)MillisecondsPerHour) : int.MaxValue;
        return !await Counts(filter, firstHour, endHour).AnyAsync(cancellationToken);
    }

    /// <summary>Entry counts grouped by <paramref name="groupBy"/>, largest first.</summary>
    public async Task<IReadOnlyList<AccessStatsBucket>> StatsAsync(IReadOnlySet<AccessStatsDimension> groupBy, AccessLogFilter filter, CancellationToken cancellationToken)
    {
        var reader = new AccessLogReader(context);
        if (filter.CitizenRef is { } citizen)
        {
            return await PartAsync(filter);
        }

        var fromMs = filter.From?.ToUnixTimeMilliseconds();
        var toMs = filter.To?.ToUnixTimeMilliseconds();
        var firstWholeHour = fromMs is { } f ? (int)Math.Ceiling(f / (double)MillisecondsPerHour) : int.MinValue;
        var endWholeHour = toMs is { } t ? (int)Math.Floor(t / (double)MillisecondsPerHour) : int.MaxValue;
        if (firstWholeHour >= endWholeHour)
        {
            return await PartAsync(filter);
        }

        var parts = new List<AccessStatsBucket>(await WholeHoursAsync(groupBy, filter, firstWholeHour, endWholeHour, cancellationToken));
        if (fromMs is { } start && start < firstWholeHour * MillisecondsPerHour)
        {
            parts.AddRange(await PartAsync(filter with { To = DateTimeOffset.FromUnixTimeMilliseconds(firstWholeHour * MillisecondsPerHour) }));
        }

        if (toMs is { } end && end > endWholeHour * MillisecondsPerHour)
        {
            parts.AddRange(await PartAsync(filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(endWholeHour * MillisecondsPerHour) }));
        }

        return Ordered(parts.GroupBy(bucket => bucket with { Count = 0 }).Select(group => group.Key with { Count = group.Sum(b => b.Count) }));

        async Task<IReadOnlyList<AccessStatsBucket>> PartAsync(AccessLogFilter part)
        {
            var fieldId = await reader.TextIdAsync(part.Field, cancellationToken);
            return part.Field is not null && fieldId is null ? [] : await FromEntriesAsync(groupBy, reader.MatchingAsync(part, fieldId, null, cancellationToken), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<AccessStatsBucket>> WholeHoursAsync(
        IReadOnlySet<AccessStatsDimension> groupBy, AccessLogFilter filter, int firstHour, int endHour, CancellationToken cancellationToken)
    {
        var byOrganization = groupBy.Contains(AccessStatsDimension.Organization);
        var byType = groupBy.Contains(AccessStatsDimension.OrganizationType);
        var byField = groupBy.Contains(AccessStatsDimension.Field);
        var byDecision = groupBy.Contains(AccessStatsDimension.Decision);
        var byDay = groupBy.Contains(AccessStatsDimension.Day);
        var rows = await Counts(filter, firstHour, endHour)
            .GroupBy(c => new
            {
                OrganizationId = byOrganization ? c.OrganizationId : 0,
                OrganizationType = byType ? c.OrganizationType : 0,
                FieldId = byField ? c.FieldId : 0,
                Decision = byDecision ? (int)c.Decision : -1,
                Day = byDay ? c.Hour / HoursPerDay : int.MinValue,
            })
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);

        var ids = rows.SelectMany(r => new[] { r.Key.OrganizationId, r.Key.OrganizationType, r.Key.FieldId }).Where(id => id != 0).Distinct().ToArray();
        var texts = await context.Texts.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Text, cancellationToken);
        string? Text(int id) => id == 0 ? null : texts[id];
        return rows.Select(r => new AccessStatsBucket(
            Text(r.Key.OrganizationId),
            Text(r.Key.OrganizationType) is { } type ? WireNames.Parse<OrganizationType>(type) : null,
            Text(r.Key.FieldId),
            r.Key.Decision >= 0 ? WireCodes.Outcome((byte)r.Key.Decision) : null,
            byDay ? DayOf(r.Key.Day) : null,
            r.Count)).ToList();
    }

    /// <summary>The rollup rows of a filter's organisation, type, field and decision over [firstHour, endHour).</summary>
    private IQueryable<HourlyCount> Counts(AccessLogFilter filter, int firstHour, int endHour)
    {
        var ids = context.Texts.AsNoTracking();
        var query = context.HourlyCounts.AsNoTracking().Where(c => c.Hour >= firstHour && c.Hour < endHour);
        foreach (var (text, pick) in new (string?, Func<IQueryable<HourlyCount>, IQueryable<int>, IQueryable<HourlyCount>>)[]
        {
            (filter.OrganizationId, (q, id) => q.Where(c => id.Contains(c.OrganizationId))),
            (filter.OrganizationType is { } type ? WireNames.Of(type) : null, (q, id) => q.Where(c => id.Contains(c.OrganizationType))),
            (filter.Field, (q, id) => q.Where(c => id.Contains(c.FieldId))),
        })
        {
            if (text is not null)
            {
                query = pick(query, ids.Where(t => t.Text == text).Select(t => t.Id));
            }
        }

        if (filter.Decision is { } decision)
        {
            var code = WireCodes.Of(decision);
            query = query.Where(c => c.Decision == code);
        }

        return query;
    }

    /// <summary>Counts over the entries themselves: a citizen's, or the part of an hour at the edge of a period.</summary>
    private async Task<IReadOnlyList<AccessStatsBucket>> FromEntriesAsync(
        IReadOnlySet<AccessStatsDimension> groupBy, IAsyncEnumerable<AccessLogReader.EntryRow> rows, CancellationToken cancellationToken)
    {
        var counted = new Dictionary<(string? OrganizationId, OrganizationType? OrganizationType, int FieldId, byte Decision, long Day), long>();
        await foreach (var row in rows)
        {
            var key = (row.Request.OrganizationId, row.Request.OrganizationType, row.Field.FieldId, row.Field.Decision, row.TimeUnixMs / MillisecondsPerDay);
            counted[key] = counted.GetValueOrDefault(key) + 1;
        }

        var ids = counted.Keys.Select(k => k.FieldId).Where(id => id != 0).Distinct().ToArray();
        var texts = await context.Texts.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Text, cancellationToken);
        return Ordered(counted
            .GroupBy(r => new AccessStatsBucket(
                groupBy.Contains(AccessStatsDimension.Organization) ? r.Key.OrganizationId : null,
                groupBy.Contains(AccessStatsDimension.OrganizationType) ? r.Key.OrganizationType : null,
                groupBy.Contains(AccessStatsDimension.Field) && r.Key.FieldId != 0 ? texts[r.Key.FieldId] : null,
                groupBy.Contains(AccessStatsDimension.Decision) ? WireCodes.Outcome(r.Key.Decision) : null,
                groupBy.Contains(AccessStatsDimension.Day) ? DayOf((int)r.Key.Day) : null,
                0))
            .Select(g => g.Key with { Count = g.Sum(r => r.Value) }));
    }

    private static DateOnly DayOf(int day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day));

    private static List<AccessStatsBucket> Ordered(IEnumerable<AccessStatsBucket> buckets) => buckets.OrderByDescending(b => b.Count).ToList();
}
