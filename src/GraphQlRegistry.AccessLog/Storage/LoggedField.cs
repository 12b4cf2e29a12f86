namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// One entry's own part, a few small integers: its request and place in it (the entry's sequence is
/// <see cref="RequestStart"/> + <see cref="Ordinal"/>), its time as an offset from the request's, the field, path and
/// reason as ids of <see cref="LogText"/>, and the decision and mask as <see cref="Entries.WireCodes"/>. Its citizen
/// is in the <see cref="Entries.CitizenSpan"/> that covers it.
/// </summary>
public sealed class LoggedField
{
    public long RequestStart { get; init; }

    public int Ordinal { get; init; }

    public int TimeOffsetMs { get; init; }

    public int? FieldId { get; init; }

    public int? PathId { get; init; }

    public byte Decision { get; init; }

    public byte Mask { get; init; }

    public int? ReasonId { get; init; }
}

/// <summary>A text the entries refer to by number (field coordinates, paths, reasons, and the rollup's keys). Append-only.</summary>
public sealed class LogText
{
    public int Id { get; init; }

    public required string Text { get; init; }
}
