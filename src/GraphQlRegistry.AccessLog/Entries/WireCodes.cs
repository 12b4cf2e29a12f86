using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// The one-byte codes a decision and a mask are stored as in each per-field row, written out rather than taken from
/// the C# enum values, so reordering a C# enum changes no stored byte. The chain hashes the SPEC names
/// (<see cref="WireNames"/>), not these codes. The commonest values are 0 and 1, which SQLite stores in no bytes at all.
/// </summary>
public static class WireCodes
{
    public static byte Of(FieldOutcome value) => value switch
    {
        FieldOutcome.Revealed => 0,
        FieldOutcome.Masked => 1,
        FieldOutcome.Denied => 2,
    };

    public static byte Of(FieldMask value) => value switch
    {
        FieldMask.None => 0,
        FieldMask.Partial => 1,
    };

    /// <summary>The SPEC name of a stored decision code, or null if the code is none.</summary>
    public static string? OutcomeName(long code) => code is >= 0 and <= 2 ? WireNames.Of(Outcome((byte)code)) : null;

    /// <summary>The SPEC name of a stored mask code, or null if the code is none.</summary>
    public static string? MaskName(long code) => code is >= 0 and <= 1 ? WireNames.Of(Mask((byte)code)) : null;

    public static FieldOutcome Outcome(byte code) => code switch
    {
        0 => FieldOutcome.Revealed,
        1 => FieldOutcome.Masked,
        2 => FieldOutcome.Denied,
        _ => throw new FormatException($"{code} is not a stored decision code."),
    };

    public static FieldMask Mask(byte code) => code switch
    {
        0 => FieldMask.None,
        1 => FieldMask.Partial,
        _ => throw new FormatException($"{code} is not a stored mask code."),
    };
}
