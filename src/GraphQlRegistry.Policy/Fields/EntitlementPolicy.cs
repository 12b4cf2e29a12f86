using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Policy.Fields;

/// <summary>
/// The one place that decides what a caller sees of a field. Pure: the answer depends only on its arguments,
/// and deny is the default. Resolvers, middleware and validation rules ask it; none re-decides.
/// </summary>
public static class EntitlementPolicy
{
    /// <summary>Decides a grantable field: some rule must admit the caller's type and grant authority, and the grant must list the field.</summary>
    public static FieldDecision Decide(OrganizationType caller, GrantingAuthority grantAuthority, GrantedFields granted, FieldRule field)
    {
        if (!granted.Contains(field))
        {
            return FieldDecision.Denied(DecisionReason.NotInGrant);
        }

        var decision = FieldDecision.Denied(DecisionReason.NoRuleForCaller);
        foreach (var rule in field.Rules)
        {
            if (!rule.Admits(caller, grantAuthority))
            {
                continue;
            }

            // The most open admitting rule wins: a clear rule ends the search, a partial one is kept as a fallback.
            switch (rule.Mask)
            {
                case FieldMask.None:
                    return FieldDecision.Revealed(DecisionReason.RuleMatched);
                case FieldMask.Partial:
                    decision = FieldDecision.Masked(DecisionReason.RuleMatched);
                    break;
            }
        }

        return decision;
    }

    /// <summary>Whether any rule of the field admits this caller type under a grant from this authority, grant aside: what a grant may usefully list.</summary>
    public static bool Admits(OrganizationType caller, GrantingAuthority grantAuthority, FieldRule field)
    {
        foreach (var rule in field.Rules)
        {
            if (rule.Admits(caller, grantAuthority))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Decides a field reached through another: under a clear parent it is clear; under a masked parent it shows as
    /// its <c>@whenPartial</c> rendering says; under a denied parent it is never reached, and denied if it were.
    /// </summary>
    public static FieldDecision DecideNested(FieldDecision parent, FieldRule field) => parent.Outcome switch
    {
        FieldOutcome.Revealed => FieldDecision.Revealed(DecisionReason.InheritedFromParent),
        FieldOutcome.Masked => field.WhenPartial == PartialRendering.Clear
            ? FieldDecision.Revealed(DecisionReason.InheritedFromParent)
            : FieldDecision.Masked(DecisionReason.InheritedFromParent),
        FieldOutcome.Denied => FieldDecision.Denied(DecisionReason.InheritedFromParent),
    };

    /// <summary>
    /// Decides a comparison on a field (a filter, an order, a cursor, an identity check): only a clear read
    /// permits it, since comparing against a masked value would reveal what the mask hides.
    /// </summary>
    public static FieldDecision DecideComparison(OrganizationType caller, GrantingAuthority grantAuthority, GrantedFields granted, FieldRule field)
    {
        var decision = Decide(caller, grantAuthority, granted, field);
        return decision.Outcome == FieldOutcome.Masked ? FieldDecision.Denied(DecisionReason.ClearReadRequired) : decision;
    }
}
