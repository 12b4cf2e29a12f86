using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Callers;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// Builds the per-request part of every access-log entry, for an established caller or a refused one, the same way for
/// both. <see cref="AccessContext"/> itself cleans the caller-controlled text it is given (<see cref="CallerText"/>).
/// </summary>
public static class AccessContexts
{
    public static AccessContext For(Caller caller, RequestTrace trace)
    {
        var data = caller as DataCaller;
        return Create(trace, caller.Subject, data?.OrganizationId, caller.Purpose) with
        {
            OrganizationType = data?.Type,
            GrantId = data?.Grant.Id,
            GrantAuthority = data?.Grant.Authority,
            Channel = data?.Channel,
        };
    }

    public static AccessContext For(CallerRefusal refusal, RequestTrace trace) =>
        Create(trace, refusal.Subject, refusal.OrganizationId, refusal.Purpose) with { OrganizationType = refusal.Type, Channel = refusal.Channel };

    private static AccessContext Create(RequestTrace trace, string? subject, string? organizationId, string? purpose) =>
        new(trace.RequestId, trace.OperationName, subject, organizationId, null, null, null, null, purpose);
}
