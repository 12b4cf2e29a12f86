using System.Buffers.Binary;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// One entry's own part, a few small integers: its time as an offset from its request's, the field, path and reason
/// as ids of <see cref="LogText"/> (0 for none), and the decision and mask as <see cref="Entries.WireCodes"/>. Its
/// citizen is in the <see cref="Entries.CitizenSpan"/> that covers it; its request and place in it are where it is
/// stored (<see cref="PackedFields"/>).
/// </summary>
public readonly record struct LoggedField(int TimeOffsetMs, int FieldId, int PathId, byte Decision, byte Mask, int ReasonId);

/// <summary>
/// A request's entries as they are stored: one fixed-width record per entry, in ordinal order, in the request's own
/// row (<see cref="LoggedRequest.Fields"/>). A row per entry made a page of 500 citizens 15,000 b-tree inserts, the
/// largest share of its commit; one value per request is one. Fixed width and big-endian, so that SQL alone can
/// build it (the migration from rows does) and an entry is found by its ordinal without decoding the ones before it.
/// </summary>
public static class PackedFields
{
    /// <summary>Bytes per entry: time offset, field, path and reason ids (four bytes each), decision and mask codes (one each).</summary>
    public const int EntrySize = 18;

    public static int SizeOf(int entries) => entries * EntrySize;

    /// <summary>How many whole entries <paramref name="packed"/> holds; bytes past the last whole one are not an entry.</summary>
    public static int CountOf(ReadOnlySpan<byte> packed) => packed.Length / EntrySize;

    /// <summary>Whether <paramref name="packed"/> is whole entries and nothing else.</summary>
    public static bool IsWhole(ReadOnlySpan<byte> packed) => packed.Length % EntrySize == 0;

    public static void Write(Span<byte> packed, int ordinal, in LoggedField field)
    {
        var entry = packed.Slice(ordinal * EntrySize, EntrySize);
        BinaryPrimitives.WriteInt32BigEndian(entry, field.TimeOffsetMs);
        BinaryPrimitives.WriteInt32BigEndian(entry[4..], field.FieldId);
        BinaryPrimitives.WriteInt32BigEndian(entry[8..], field.PathId);
        BinaryPrimitives.WriteInt32BigEndian(entry[12..], field.ReasonId);
        entry[16] = field.Decision;
        entry[17] = field.Mask;
    }

    public static LoggedField Read(ReadOnlySpan<byte> packed, int ordinal)
    {
        var entry = packed.Slice(ordinal * EntrySize, EntrySize);
        return new LoggedField(
            BinaryPrimitives.ReadInt32BigEndian(entry), BinaryPrimitives.ReadInt32BigEndian(entry[4..]), BinaryPrimitives.ReadInt32BigEndian(entry[8..]),
            entry[16], entry[17], BinaryPrimitives.ReadInt32BigEndian(entry[12..]));
    }
}

/// <summary>A text the entries refer to by number (field coordinates, paths, reasons, and the rollup's keys). Append-only.</summary>
public sealed class LogText
{
    public int Id { get; init; }

    public required string Text { get; init; }
}
