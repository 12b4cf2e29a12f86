using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Rollups;

/// <summary>
/// Entry counts per UTC day, organisation, field, decision and reason, kept up to date by the readers that need
/// them. Counting groups the new entries by primary-key range, outside any transaction; only the merge, a few
/// hundred rows, holds the store's write lock, so the request path's commits are not held up.
/// Statistics over whole days come from the rollup; the parts of a day at either end of a range come from the entries.
/// </summary>
public sealed class DailyCounts(AccessLogDbContext context)
{
    public const long MillisecondsPerDay = 86_400_000;
    private const string MarkName = "daily";
    private const long EntriesPerStep = 1_000_000;

    /// <summary>Counts every entry committed so far that the rollup does not hold yet; returns the last sequence counted.</summary>
    public async Task<long> CatchUpAsync(IProgress<RollupProgress>? progress, CancellationToken cancellationToken)
    {
        var head = await context.Entries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var counted = await MarkAsync(cancellationToken);
        while (counted < head)
        {
            counted = await StepAsync(counted, Math.Min(head, counted + EntriesPerStep), cancellationToken);
            progress?.Report(new RollupProgress(counted, head));
        }

        return counted;
    }

    /// <summary>
    /// Counts grouped by <paramref name="groupBy"/>, like <see cref="AccessLogReader.StatsAsync"/> but over the rollup;
    /// call <see cref="CatchUpAsync"/> first. A citizen filter has no rollup: use the reader for that.
    /// </summary>
    public async Task<IReadOnlyList<AccessStatsBucket>> StatsAsync(IReadOnlySet<AccessStatsDimension> groupBy, AccessLogFilter filter, CancellationToken cancellationToken)
    {
        if (filter.CitizenRef is not null)
        {
            throw new ArgumentException("The daily rollup holds no citizen references.", nameof(filter));
        }

        var fromMs = filter.From?.ToUnixTimeMilliseconds();
        var toMs = filter.To?.ToUnixTimeMilliseconds();
        var firstWholeDay = fromMs is { } f ? CeilingDay(f) : long.MinValue;
        var endWholeDay = toMs is { } t ? t / MillisecondsPerDay : long.MaxValue;
        var reader = new AccessLogReader(context);
        if (firstWholeDay >= endWholeDay)
        {
            return await reader.StatsAsync(groupBy, filter, cancellationToken);
        }

        var parts = new List<AccessStatsBucket>(await WholeDaysAsync(groupBy, filter, firstWholeDay, endWholeDay, cancellationToken));
        if (fromMs is { } start && start < firstWholeDay * MillisecondsPerDay)
        {
            parts.AddRange(await reader.StatsAsync(groupBy, filter with { To = DateTimeOffset.FromUnixTimeMilliseconds(firstWholeDay * MillisecondsPerDay) }, cancellationToken));
        }

        if (toMs is { } end && end > endWholeDay * MillisecondsPerDay)
        {
            parts.AddRange(await reader.StatsAsync(groupBy, filter with { From = DateTimeOffset.FromUnixTimeMilliseconds(endWholeDay * MillisecondsPerDay) }, cancellationToken));
        }

        return parts
            .GroupBy(bucket => bucket with { Count = 0 })
            .Select(group => group.Key with { Count = group.Sum(b => b.Count) })
            .OrderByDescending(bucket => bucket.Count)
            .ToList();
    }

    private async Task<IReadOnlyList<AccessStatsBucket>> WholeDaysAsync(
        IReadOnlySet<AccessStatsDimension> groupBy, AccessLogFilter filter, long firstDay, long endDay, CancellationToken cancellationToken)
    {
        var byOrganization = groupBy.Contains(AccessStatsDimension.Organization);
        var byType = groupBy.Contains(AccessStatsDimension.OrganizationType);
        var byField = groupBy.Contains(AccessStatsDimension.Field);
        var byDecision = groupBy.Contains(AccessStatsDimension.Decision);
        var byDay = groupBy.Contains(AccessStatsDimension.Day);

        var query = context.DailyCounts.AsNoTracking().Where(c => c.Day >= firstDay && c.Day < endDay);
        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(c => c.OrganizationId == organizationId);
        }

        if (filter.OrganizationType is { } organizationType)
        {
            query = query.Where(c => c.OrganizationType == organizationType);
        }

        if (filter.Field is { } field)
        {
            query = query.Where(c => c.Field == field);
        }

        if (filter.Decision is { } decision)
        {
            query = query.Where(c => c.Decision == decision);
        }

        var rows = await query
            .GroupBy(c => new
            {
                OrganizationId = byOrganization ? c.OrganizationId : null,
                OrganizationType = byType ? c.OrganizationType : null,
                Field = byField ? c.Field : null,
                Decision = byDecision ? (FieldOutcome?)c.Decision : null,
                Day = byDay ? (long?)c.Day : null,
            })
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);

        return rows.Select(r => new AccessStatsBucket(r.Key.OrganizationId, r.Key.OrganizationType, r.Key.Field, r.Key.Decision,
            r.Key.Day is { } day ? DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day)) : null, r.Count)).ToList();
    }

    /// <summary>Counts entries (<paramref name="after"/>, <paramref name="upTo"/>]; returns the new mark, or the mark another reader set first.</summary>
    private async Task<long> StepAsync(long after, long upTo, CancellationToken cancellationToken)
    {
        var deltas = await context.Entries.AsNoTracking()
            .Where(e => e.Sequence > after && e.Sequence <= upTo)
            .GroupBy(e => new { Day = e.TimeUnixMs / MillisecondsPerDay, e.OrganizationId, e.OrganizationType, e.Field, e.Decision, e.Reason })
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlRawAsync($"LOCK TABLE \"{AccessLogDbContext.RollupMarksTableName}\" IN EXCLUSIVE MODE", cancellationToken);
        }

        var mark = await context.RollupMarks.FirstOrDefaultAsync(m => m.Name == MarkName, cancellationToken);
        if (mark is null)
        {
            mark = new RollupMark { Name = MarkName };
            context.RollupMarks.Add(mark);
        }

        if (mark.Sequence != after)
        {
            // Another reader counted these entries meanwhile: counting them again would double them.
            context.ChangeTracker.Clear();
            return mark.Sequence;
        }

        if (deltas.Count > 0)
        {
            var firstDay = deltas.Min(d => d.Key.Day);
            var existing = (await context.DailyCounts.Where(c => c.Day >= firstDay).ToListAsync(cancellationToken)).ToDictionary(KeyOf);
            foreach (var delta in deltas)
            {
                var key = new CountKey(delta.Key.Day, delta.Key.OrganizationId, delta.Key.OrganizationType, delta.Key.Field, delta.Key.Decision, delta.Key.Reason);
                if (existing.TryGetValue(key, out var row))
                {
                    row.Count += delta.Count;
                    continue;
                }

                var added = new DailyCount
                {
                    Day = key.Day, OrganizationId = key.OrganizationId, OrganizationType = key.OrganizationType,
                    Field = key.Field, Decision = key.Decision, Reason = key.Reason, Count = delta.Count,
                };
                context.DailyCounts.Add(added);
                existing[key] = added;
            }
        }

        mark.Sequence = upTo;
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        context.ChangeTracker.Clear();
        return upTo;
    }

    private async Task<long> MarkAsync(CancellationToken cancellationToken) =>
        await context.RollupMarks.AsNoTracking().Where(m => m.Name == MarkName).Select(m => (long?)m.Sequence).FirstOrDefaultAsync(cancellationToken) ?? 0;

    private static long CeilingDay(long ms) => ms >= 0 ? (ms + MillisecondsPerDay - 1) / MillisecondsPerDay : ms / MillisecondsPerDay;

    private static CountKey KeyOf(DailyCount c) => new(c.Day, c.OrganizationId, c.OrganizationType, c.Field, c.Decision, c.Reason);

    private readonly record struct CountKey(long Day, string? OrganizationId, OrganizationType? OrganizationType, string? Field, FieldOutcome Decision, string? Reason);
}

/// <summary>How far a catch-up has counted, of the entries there were when it began.</summary>
public readonly record struct RollupProgress(long Counted, long Head);
