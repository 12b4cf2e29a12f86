namespace GraphQlRegistry.AccessLog.Flags;

/// <summary>What a citizen says about an access to their record (SPEC §4).</summary>
public enum AccessFlagKind
{
    /// <summary>The citizen did not ask for anything that needed this read.</summary>
    NotRequested,

    /// <summary>The citizen asked for a service but did not agree to this read.</summary>
    NotAgreed,
}

/// <summary>
/// A citizen's flag on one request of their access history: appended, never changed or deleted. The citizen appears
/// only by pseudonymous reference; the reason is caller text, cleaned by <see cref="Entries.CallerText"/> and capped.
/// The flagging request itself is an entry of the hash chain, so a flag removed from this table can be told from the log.
/// </summary>
public sealed class AccessFlag
{
    public const int ReasonMaxLength = 280;

    public long Id { get; init; }

    /// <summary>The request flagged, as the access log records it.</summary>
    public required string RequestId { get; init; }

    /// <summary>The flagging citizen, as a keyed pseudonym.</summary>
    public required string CitizenRef { get; init; }

    public AccessFlagKind Kind { get; init; }

    public string? Reason { get; init; }

    public long TimeUnixMs { get; init; }

    /// <summary>The request that raised the flag: its access-log entry is the flag's trace in the chain.</summary>
    public required string FlaggedInRequestId { get; init; }

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeUnixMs);
}
