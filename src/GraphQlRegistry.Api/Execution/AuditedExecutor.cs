using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// The one way a request touches citizen data, whatever the transport: it wraps the work so that every outcome's
/// access entries are durably committed before the outcome is returned. A transport cannot answer from the work's
/// result without going through here, so "no data leaves without its entries" holds for any entry point.
/// </summary>
public sealed class AuditedExecutor(IAccessLogSink log, IDbContextFactory<RegistryDbContext> registry, CitizenPseudonym pseudonym, TimeProvider clock)
{
    public Task<AuditedOutcome<T>> RunAsync<T>(
        CallerResolution caller, RequestTrace trace, Func<RegistryRequestContext, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(caller, trace, work, static result => Task.FromResult(result), cancellationToken);

    /// <summary>
    /// Runs the work, then has its result prepared for sending (<paramref name="prepare"/>: rendered in memory, never
    /// sent) while its entries commit; the prepared answer is handed back only once they are committed, and disposed
    /// if they are not.
    /// </summary>
    public async Task<AuditedOutcome<TAnswer>> RunAsync<T, TAnswer>(
        CallerResolution caller, RequestTrace trace, Func<RegistryRequestContext, Task<T>> work, Func<T, Task<TAnswer>> prepare,
        CancellationToken cancellationToken)
    {
        // :: Step 1: a caller refused as a whole leaves one entry with its code, and nothing runs.
        if (caller.Refusal is { } refusal)
        {
            var entry = new AccessRecord(AccessContexts.For(refusal, trace), clock.GetUtcNow(), null, null, null, FieldOutcome.Denied, FieldMask.None, refusal.Code.Wire());
            return await CommitAsync([entry], cancellationToken) ? AuditedOutcome<TAnswer>.Refused(refusal.Code) : AuditedOutcome<TAnswer>.AuditUnavailable;
        }

        // :: Step 2: the work runs; resolvers record each field they decide and each citizen they reach.
        var context = new RegistryRequestContext(caller.Caller!, AccessContexts.For(caller.Caller!, trace), clock, new RelativeLoader(registry, pseudonym));
        var result = await work(context);

        // :: Step 3: a citizen reached without any field entry (an existence check, a filter) still gets an entry.
        context.RecordCitizensReachedWithoutFields();

        // :: Step 4: the entries go to the log, and the answer is prepared while they commit.
        var committed = CommitAsync(context.Records, cancellationToken);
        TAnswer answer;
        try
        {
            answer = await prepare(result);
        }
        catch
        {
            await committed;
            throw;
        }

        // :: Step 5: only committed entries let the answer leave.
        if (await committed)
        {
            return AuditedOutcome<TAnswer>.Executed(answer);
        }

        (answer as IDisposable)?.Dispose();
        return AuditedOutcome<TAnswer>.AuditUnavailable;
    }

    private async Task<bool> CommitAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await log.AppendAsync(records, cancellationToken);
            return true;
        }
        catch (AccessLogUnavailableException)
        {
            return false;
        }
    }
}
