using GraphQL;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Data.Entities;

namespace GraphQlRegistry.Api.Grants;

/// <summary>The <c>issueGrant</c> and <c>revokeGrant</c> mutations: the officer from the request, the rules from <see cref="GrantLedger"/>.</summary>
public sealed class GrantIssuance(GrantLedger ledger)
{
    public async Task<Grant> IssueAsync(IResolveFieldContext context, IssueGrantInput input) =>
        Applied(context, await ledger.IssueAsync(context.Require<GrantingOfficerCaller>(), input, context.CancellationToken));

    public async Task<Grant> RevokeAsync(IResolveFieldContext context, string grantId, string reason) =>
        Applied(context, await ledger.RevokeAsync(context.Require<GrantingOfficerCaller>(), grantId, reason, context.CancellationToken));

    private static Grant Applied(IResolveFieldContext context, GrantChange change) =>
        change.Grant ?? throw RegistryError.At(change.Refusal!.Value, context, change.Detail);
}
