namespace GraphQlRegistry.Policy.Fields;

/// <summary>The answer for one field: outcome, the mask applied, and why. A value type: deciding allocates nothing.</summary>
public readonly record struct FieldDecision(FieldOutcome Outcome, FieldMask Mask, DecisionReason Reason)
{
    public static FieldDecision Revealed(DecisionReason reason) => new(FieldOutcome.Revealed, FieldMask.None, reason);

    public static FieldDecision Masked(DecisionReason reason) => new(FieldOutcome.Masked, FieldMask.Partial, reason);

    public static FieldDecision Denied(DecisionReason reason) => new(FieldOutcome.Denied, FieldMask.None, reason);

    public bool IsDenied => Outcome == FieldOutcome.Denied;
}
