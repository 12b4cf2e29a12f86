using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Reading;

/// <summary>The auditors' and citizens' reads of the log: newest first, keyset-paged by sequence.</summary>
public sealed class AccessLogReader(AccessLogDbContext context)
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>Up to <paramref name="first"/> entries older than <paramref name="beforeSequence"/>, newest first.</summary>
    public async Task<IReadOnlyList<AccessLogEntry>> PageAsync(AccessLogFilter filter, int first, long? beforeSequence, CancellationToken cancellationToken)
    {
        var query = Apply(filter);
        if (beforeSequence is { } before)
        {
            query = query.Where(e => e.Sequence < before);
        }

        return await query.OrderByDescending(e => e.Sequence).Take(first).ToListAsync(cancellationToken);
    }

    /// <summary>Every matching entry, oldest first, streamed: memory stays constant however long the log is.</summary>
    public IAsyncEnumerable<AccessLogEntry> StreamAsync(AccessLogFilter filter) =>
        Apply(filter).OrderBy(e => e.Sequence).AsAsyncEnumerable();

    public async Task<IReadOnlyList<AccessStatsBucket>> StatsAsync(IReadOnlySet<AccessStatsDimension> groupBy, AccessLogFilter filter, CancellationToken cancellationToken)
    {
        var byOrganization = groupBy.Contains(AccessStatsDimension.Organization);
        var byType = groupBy.Contains(AccessStatsDimension.OrganizationType);
        var byField = groupBy.Contains(AccessStatsDimension.Field);
        var byDecision = groupBy.Contains(AccessStatsDimension.Decision);
        var byDay = groupBy.Contains(AccessStatsDimension.Day);

        var rows = await Apply(filter)
            .GroupBy(e => new
            {
                OrganizationId = byOrganization ? e.OrganizationId : null,
                OrganizationType = byType ? e.OrganizationType : null,
                Field = byField ? e.Field : null,
                Decision = byDecision ? (FieldOutcome?)e.Decision : null,
                Day = byDay ? (long?)(e.TimeUnixMs / MillisecondsPerDay) : null,
            })
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        return rows
            .Select(r => new AccessStatsBucket(r.Key.OrganizationId, r.Key.OrganizationType, r.Key.Field, r.Key.Decision,
                r.Key.Day is { } day ? DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day)) : null, r.Count))
            .OrderByDescending(b => b.Count)
            .ToList();
    }

    private IQueryable<AccessLogEntry> Apply(AccessLogFilter filter)
    {
        var query = context.Entries.AsNoTracking();
        if (filter.CitizenRef is { } citizenRef)
        {
            // Through the citizen's spans: a range scan of the entries' primary key per span.
            query =
                from span in context.CitizenSpans
                where span.CitizenRef == citizenRef
                from entry in context.Entries.AsNoTracking()
                where entry.Sequence >= span.FirstSequence && entry.Sequence <= span.LastSequence && entry.CitizenRef == citizenRef
                select entry;
        }

        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(e => e.OrganizationId == organizationId);
        }

        if (filter.OrganizationType is { } organizationType)
        {
            query = query.Where(e => e.OrganizationType == organizationType);
        }

        if (filter.Field is { } field)
        {
            query = query.Where(e => e.Field == field);
        }

        if (filter.Decision is { } decision)
        {
            query = query.Where(e => e.Decision == decision);
        }

        if (filter.From is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            query = query.Where(e => e.TimeUnixMs >= fromMs);
        }

        if (filter.To is { } to)
        {
            var toMs = to.ToUnixTimeMilliseconds();
            query = query.Where(e => e.TimeUnixMs < toMs);
        }

        return query;
    }
}
