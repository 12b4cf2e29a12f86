using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Hashing;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>A request's context as the chain hashes it: every value as stored text, enum values by their SPEC names.</summary>
public readonly record struct HashedContext(
    string RequestId, string? OperationName, string? Subject, string? OrganizationId, string? OrganizationType,
    string? GrantId, string? GrantAuthority, string? Channel, string? Purpose)
{
    public static HashedContext Of(AccessContext context) => new(
        context.RequestId, context.OperationName, context.Subject, context.OrganizationId,
        context.OrganizationType is { } type ? WireNames.Of(type) : null, context.GrantId,
        context.GrantAuthority is { } authority ? WireNames.Of(authority) : null,
        context.Channel is { } channel ? WireNames.Of(channel) : null, context.Purpose);
}

/// <summary>One entry as the chain hashes it: its time and its texts, the decision and mask by their SPEC names.</summary>
public readonly record struct HashedEntry(long TimeUnixMs, string? CitizenRef, string? Field, string? Path, string Decision, string Mask, string? Reason)
{
    public static HashedEntry Of(in AccessRecord record) => new(
        record.Time.ToUnixTimeMilliseconds(), record.CitizenRef, record.Field, record.Path, WireNames.Of(record.Decision), WireNames.Of(record.Mask), record.Reason);
}

/// <summary>
/// The SHA-256 of one request's entries, chained to the hash of the request before it. The canonical form, in order:
/// the previous request's hash (32 bytes); the first entry's sequence (8 bytes), the number of entries (4 bytes) and
/// the request's time in Unix milliseconds (8 bytes), all big-endian; the request's context (request id, operation,
/// subject, organisation id, organisation type, grant id, grant authority, channel, purpose); then for every entry its
/// time (8 bytes) and its citizen reference, field, path, decision, mask and reason. Each text is a 4-byte big-endian
/// length (−1 for null) and its UTF-8 bytes, so no two different requests encode alike; enum values are their SPEC
/// names (<see cref="WireNames"/>), so renaming a C# member changes nothing. Changing this form breaks every stored
/// chain: never do it in place.
/// </summary>
public static class RequestHasher
{
    public static readonly string Genesis = new('0', 64);

    private const int Header = SHA256.HashSizeInBytes + sizeof(long) + sizeof(int) + sizeof(long);

    private static readonly PerThreadHash Sha256 = new(() => IncrementalHash.CreateHash(HashAlgorithmName.SHA256));

    private const int WrittenTextSlots = 64;

    // Where this thread's current unit first wrote a text, by the text's object (see RecurringText).
    [ThreadStatic]
    private static (string? Text, int Offset, int Length)[]? t_written;

    public static byte[] Compute(ReadOnlySpan<byte> previousHash, long start, long timeUnixMs, in HashedContext context, ReadOnlySpan<HashedEntry> entries)
    {
        var length = Header + 9 * sizeof(int) + MaxBytes(context.RequestId) + MaxBytes(context.OperationName) + MaxBytes(context.Subject)
            + MaxBytes(context.OrganizationId) + MaxBytes(context.OrganizationType) + MaxBytes(context.GrantId) + MaxBytes(context.GrantAuthority)
            + MaxBytes(context.Channel) + MaxBytes(context.Purpose);
        foreach (ref readonly var entry in entries)
        {
            length += sizeof(long) + 6 * sizeof(int) + MaxBytes(entry.CitizenRef) + MaxBytes(entry.Field) + MaxBytes(entry.Path)
                + MaxBytes(entry.Decision) + MaxBytes(entry.Mask) + MaxBytes(entry.Reason);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Write(buffer, previousHash, start, timeUnixMs, context, entries);
            var hash = new byte[SHA256.HashSizeInBytes];
            Sha256.Compute(buffer.AsSpan(0, written), hash);
            return hash;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Write(Span<byte> buffer, ReadOnlySpan<byte> previousHash, long start, long timeUnixMs, in HashedContext context, ReadOnlySpan<HashedEntry> entries)
    {
        previousHash.CopyTo(buffer);
        var position = previousHash.Length;
        BinaryPrimitives.WriteInt64BigEndian(buffer[position..], start);
        BinaryPrimitives.WriteInt32BigEndian(buffer[(position + 8)..], entries.Length);
        BinaryPrimitives.WriteInt64BigEndian(buffer[(position + 12)..], timeUnixMs);
        position += 20;
        position += Text(buffer[position..], context.RequestId);
        position += Text(buffer[position..], context.OperationName);
        position += Text(buffer[position..], context.Subject);
        position += Text(buffer[position..], context.OrganizationId);
        position += Text(buffer[position..], context.OrganizationType);
        position += Text(buffer[position..], context.GrantId);
        position += Text(buffer[position..], context.GrantAuthority);
        position += Text(buffer[position..], context.Channel);
        position += Text(buffer[position..], context.Purpose);
        var written = t_written ??= new (string?, int, int)[WrittenTextSlots];
        Array.Clear(written);
        foreach (ref readonly var entry in entries)
        {
            BinaryPrimitives.WriteInt64BigEndian(buffer[position..], entry.TimeUnixMs);
            position += sizeof(long);
            position += RecurringText(buffer, position, entry.CitizenRef, written);
            position += RecurringText(buffer, position, entry.Field, written);
            position += Text(buffer[position..], entry.Path);
            position += RecurringText(buffer, position, entry.Decision, written);
            position += RecurringText(buffer, position, entry.Mask, written);
            position += RecurringText(buffer, position, entry.Reason, written);
        }

        Array.Clear(written);
        return position;
    }

    /// <summary>
    /// A text that entries repeat as the same object: a page's 16,000 entries name a few field coordinates, decisions
    /// and reasons, and each citizen's entries one pseudonym. Its encoding (length and bytes) is copied from where the
    /// unit first wrote it, found by the object in a small table; the bytes are the same as <see cref="Text"/>'s.
    /// </summary>
    private static int RecurringText(Span<byte> buffer, int position, string? text, (string? Text, int Offset, int Length)[] written)
    {
        if (text is null)
        {
            return Text(buffer[position..], text);
        }

        ref var slot = ref written[RuntimeHelpers.GetHashCode(text) & (WrittenTextSlots - 1)];
        if (ReferenceEquals(slot.Text, text))
        {
            buffer.Slice(slot.Offset, slot.Length).CopyTo(buffer[position..]);
            return slot.Length;
        }

        var length = Text(buffer[position..], text);
        slot = (text, position, length);
        return length;
    }

    private static int Text(Span<byte> buffer, string? text)
    {
        if (text is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer, -1);
            return sizeof(int);
        }

        var bytes = Encoding.UTF8.GetBytes(text, buffer[sizeof(int)..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer, bytes);
        return sizeof(int) + bytes;
    }

    private static int MaxBytes(string? text) => text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length);
}
