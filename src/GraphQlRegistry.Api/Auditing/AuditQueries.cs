using System.Globalization;
using GraphQL;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Api.Flags;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Citizens;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Auditing;

/// <summary>
/// Reads of the access log: the auditors' search, statistics and chain check, and a citizen's own history.
/// Each read is itself written to the log, so watching the watchers needs no other tool.
/// </summary>
public sealed class AuditQueries(
    IDbContextFactory<AccessLogDbContext> logs,
    IDbContextFactory<RegistryDbContext> registry,
    CitizenPseudonym pseudonym,
    ChainCheckpoints checkpoints)
{
    public const int MaxPageSize = 500;
    private static readonly FieldDecision AuditRead = FieldDecision.Revealed(DecisionReason.RuleMatched);

    public async Task<Connection<AccessLogEntry>> SearchAsync(IResolveFieldContext context, AuditFilter? filter, int first, string? after)
    {
        context.Require<AuditorCaller>();
        var logFilter = ToLogFilter(context, filter ?? new AuditFilter());
        context.RecordRootAccess(logFilter.CitizenRef, AuditRead);
        await using var db = await logs.CreateDbContextAsync(context.CancellationToken);
        var entries = await new AccessLogReader(db).PageAsync(logFilter, CheckedPageSize(context, first) + 1, Cursor(context, after), context.CancellationToken);
        await LoadFlagsAsync(context, db, entries, null);
        return Page(entries, first, after, e => e);
    }

    public async Task<IReadOnlyList<AccessStatsBucket>> StatsAsync(IResolveFieldContext context, IReadOnlyList<AccessStatsDimension> groupBy, AuditFilter? filter)
    {
        context.Require<AuditorCaller>();
        var logFilter = ToLogFilter(context, filter ?? new AuditFilter());
        context.RecordRootAccess(logFilter.CitizenRef, AuditRead);
        await using var db = await logs.CreateDbContextAsync(context.CancellationToken);
        return await new AccessLogReader(db).StatsAsync(groupBy.ToHashSet(), logFilter, context.CancellationToken);
    }

    public async Task<ChainVerification> VerifyAsync(IResolveFieldContext context)
    {
        context.Require<AuditorCaller>();
        context.RecordRootAccess(null, AuditRead);
        await using var db = await logs.CreateDbContextAsync(context.CancellationToken);
        return await ChainVerifier.VerifyAsync(db, checkpoints, context.CancellationToken);
    }

    public async Task<Connection<AccessHistoryEntry>> HistoryAsync(IResolveFieldContext context, int first, string? after)
    {
        var caller = context.RequireDataCaller();
        if (caller.OwnCitizenRef is not { } citizenRef)
        {
            throw context.Refuse(ErrorCode.QueryNotPermitted);
        }

        context.RecordRootAccess(citizenRef, AuditRead);
        await using var db = await logs.CreateDbContextAsync(context.CancellationToken);
        var reader = new AccessLogReader(db);
        var entries = await reader.PageAsync(new AccessLogFilter(CitizenRef: citizenRef), CheckedPageSize(context, first) + 1, Cursor(context, after), context.CancellationToken);
        var page = entries.Take(first).ToList();
        var names = await OrganizationNamesAsync(page.Select(e => e.OrganizationId).OfType<string>().Distinct().ToArray(), context.CancellationToken);
        var throughRelatives = await RelativeDisclosures.ThroughRelativesAsync(reader, page, context.CancellationToken);
        await LoadFlagsAsync(context, db, page, citizenRef);
        return Page(entries, first, after, e => new AccessHistoryEntry(
            e, e.OrganizationId is { } id ? names.GetValueOrDefault(id) : null, throughRelatives.Contains(e.Sequence)));
    }

    /// <summary>The flags on the page's requests, for its entries' <c>flags</c>: a citizen sees only their own.</summary>
    private static async Task LoadFlagsAsync(IResolveFieldContext context, AccessLogDbContext db, IEnumerable<AccessLogEntry> entries, string? ownCitizenRef)
    {
        var requestIds = entries.Select(e => e.RequestId).Distinct(StringComparer.Ordinal).ToList();
        var flags = await new AccessFlags(db).OnRequestsAsync(requestIds, context.CancellationToken);
        FlagsOfRequests.Of(context.RequestContext()).Add(ownCitizenRef is null
            ? flags
            : flags.SelectMany(g => g).Where(f => f.CitizenRef == ownCitizenRef).ToLookup(f => f.RequestId, StringComparer.Ordinal));
    }

    private async Task<Dictionary<string, string>> OrganizationNamesAsync(string[] ids, CancellationToken cancellationToken)
    {
        await using var db = await registry.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private AccessLogFilter ToLogFilter(IResolveFieldContext context, AuditFilter filter)
    {
        string? citizenRef = null;
        if (filter.PersonalId is { } personalId)
        {
            citizenRef = PersonalId.IsWellFormed(personalId) ? pseudonym.Of(personalId) : throw RegistryError.At(ErrorCode.InvalidPersonalId, context);
        }

        return new AccessLogFilter(citizenRef, filter.OrganizationId, filter.OrganizationType, filter.Field, filter.Decision, filter.From, filter.To);
    }

    private static int CheckedPageSize(IResolveFieldContext context, int first) =>
        first is >= 0 and <= MaxPageSize ? first : throw RegistryError.At(ErrorCode.InvalidArgument, context, $"first must be between 0 and {MaxPageSize}.");

    private static long? Cursor(IResolveFieldContext context, string? after) =>
        after is null ? null
        : long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence
        : throw RegistryError.At(ErrorCode.InvalidCursor, context);

    /// <summary>A page of entries, newest first, each with its sequence number as cursor; one entry more than asked says there is a next page.</summary>
    private static Connection<T> Page<T>(IReadOnlyList<AccessLogEntry> entries, int first, string? after, Func<AccessLogEntry, T> map)
    {
        var edges = entries.Take(first).Select(e => new Edge<T>(map(e), e.Sequence.ToString(CultureInfo.InvariantCulture))).ToList();
        return new Connection<T>(edges, entries.Count > first, after is not null);
    }
}
