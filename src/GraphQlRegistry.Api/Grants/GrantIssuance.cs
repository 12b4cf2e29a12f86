using GraphQL;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Grants;

/// <summary>
/// The <c>issueGrant</c> and <c>revokeGrant</c> mutations: the officer from the request, the rules from
/// <see cref="GrantLedger"/>, and an access-log entry for each grant administered.
/// </summary>
public sealed class GrantIssuance(GrantLedger ledger, CitizenPseudonym pseudonym)
{
    private static readonly FieldDecision Administered = FieldDecision.Revealed(DecisionReason.RuleMatched);

    public async Task<Grant> IssueAsync(IResolveFieldContext context, IssueGrantInput input) =>
        Applied(context, await ledger.IssueAsync(context.Require<GrantingOfficerCaller>(), input, context.CancellationToken));

    public async Task<Grant> RevokeAsync(IResolveFieldContext context, string grantId, string reason) =>
        Applied(context, await ledger.RevokeAsync(context.Require<GrantingOfficerCaller>(), grantId, reason, context.CancellationToken));

    private Grant Applied(IResolveFieldContext context, GrantChange change)
    {
        var grant = change.Grant ?? throw RegistryError.At(change.Refusal!.Value, context, change.Detail);

        // Grant administration is logged too: which grant, and the citizen it concerns (by pseudonym) if any.
        context.RequestContext().Record(grant.CitizenPersonalId is { } citizen ? pseudonym.Of(citizen) : null,
            context.FieldCoordinate(), $"{context.ResponsePathText()}({grant.Id})", Administered);
        return grant;
    }
}
