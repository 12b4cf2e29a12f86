using GraphQlRegistry.Api.Errors;

namespace GraphQlRegistry.Api.Execution;

/// <summary>How an audited request ended; every transport answers each status in its own form.</summary>
public enum AuditedStatus
{
    /// <summary>The work ran and its entries are committed: the result may leave.</summary>
    Executed,

    /// <summary>The caller was refused as a whole (its refusal is committed); nothing ran.</summary>
    Refused,

    /// <summary>The log could not commit: nothing the work produced may leave.</summary>
    AuditUnavailable,
}

public readonly record struct AuditedOutcome<T>(AuditedStatus Status, T? Result, ErrorCode? Refusal)
{
    public static AuditedOutcome<T> Executed(T result) => new(AuditedStatus.Executed, result, null);

    public static AuditedOutcome<T> Refused(ErrorCode code) => new(AuditedStatus.Refused, default, code);

    public static AuditedOutcome<T> AuditUnavailable => new(AuditedStatus.AuditUnavailable, default, null);
}
