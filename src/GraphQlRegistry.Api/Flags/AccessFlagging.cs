using GraphQL;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Flags;

/// <summary>
/// The <c>flagAccess</c> mutation: a citizen says a request of their own history was not requested or not agreed.
/// Only a citizen, only a request their history holds; the reason is capped and cleaned like any caller text.
/// </summary>
public sealed class AccessFlagging(IDbContextFactory<AccessLogDbContext> logs, TimeProvider clock)
{
    private static readonly FieldDecision Flagged = FieldDecision.Revealed(DecisionReason.RuleMatched);

    public async Task<AccessFlag> FlagAsync(IResolveFieldContext context, string requestId, AccessFlagKind kind, string? reason)
    {
        // :: Step 1: citizens only; organisations, auditors and officers have no history of their own to flag.
        var caller = context.RequireDataCaller();
        if (caller.OwnCitizenRef is not { } citizenRef)
        {
            throw context.Refuse(ErrorCode.QueryNotPermitted);
        }

        // :: Step 2: the reason is short text; refused rather than cut, so the citizen knows what was kept.
        if (reason is { Length: > AccessFlag.ReasonMaxLength })
        {
            throw RegistryError.At(ErrorCode.InvalidArgument, context, $"reason is at most {AccessFlag.ReasonMaxLength} characters.");
        }

        // :: Step 3: only a request of the caller's own history. Another citizen's request and an unknown id get the
        // same answer, so flagging reveals nothing about anyone else's history. The refusal is logged.
        await using var db = await logs.CreateDbContextAsync(context.CancellationToken);
        var flags = new AccessFlags(db);
        if (!await flags.IsInHistoryAsync(citizenRef, requestId, context.CancellationToken))
        {
            throw context.Refuse(ErrorCode.RequestNotInHistory, citizenRef);
        }

        // :: Step 4: the flag is appended, and the flagging is an entry of the chain under the citizen's reference,
        // naming the flagged request and the kind (never the reason: free text stays out of the chain).
        var access = context.RequestContext().Access;
        var flag = await flags.AppendAsync(new AccessFlag
        {
            RequestId = requestId,
            CitizenRef = citizenRef,
            Kind = kind,
            Reason = CallerText.Clean(reason, AccessFlag.ReasonMaxLength),
            TimeUnixMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            FlaggedInRequestId = access.RequestId,
        }, context.CancellationToken);
        context.RequestContext().Record(citizenRef, context.FieldCoordinate(),
            $"{context.ResponsePathText()}({requestId}, {WireNames.Of(kind)})", Flagged);
        return flag;
    }
}
