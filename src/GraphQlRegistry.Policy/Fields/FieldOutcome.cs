namespace GraphQlRegistry.Policy.Fields;

/// <summary>What happens to one field of one response. The names are those of the access log (SPEC §5).</summary>
public enum FieldOutcome
{
    Revealed,
    Masked,
    Denied,
}

/// <summary>How a rule lets a field through: in clear, or with the partial mask of SPEC §3.</summary>
public enum FieldMask
{
    None,
    Partial,
}

/// <summary>Why the decision came out as it did; the access log and tests read it, callers see only the error code.</summary>
public enum DecisionReason
{
    RuleMatched,
    NotInGrant,
    NoRuleForCaller,
    ClearReadRequired,
    InheritedFromParent,
}
