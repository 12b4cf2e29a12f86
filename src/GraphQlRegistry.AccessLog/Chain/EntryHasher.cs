using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>
/// The SHA-256 of an entry's canonical content, which includes the previous entry's hash. The canonical form is
/// every attribute in a fixed order, each as a 4-byte big-endian length (−1 for null) and its UTF-8 bytes, so no two
/// different entries encode alike. Changing this order or encoding breaks every stored chain: never do it in place.
/// </summary>
public static class EntryHasher
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AccessLogEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        WriteInt64(buffer, entry.Sequence);
        WriteInt64(buffer, entry.TimeUnixMs);
        WriteString(buffer, entry.RequestId);
        WriteString(buffer, entry.OperationName);
        WriteString(buffer, entry.Subject);
        WriteString(buffer, entry.OrganizationId);
        WriteString(buffer, entry.OrganizationType?.ToString());
        WriteString(buffer, entry.GrantId);
        WriteString(buffer, entry.GrantAuthority?.ToString());
        WriteString(buffer, entry.Channel?.ToString());
        WriteString(buffer, entry.Purpose);
        WriteString(buffer, entry.CitizenRef);
        WriteString(buffer, entry.Field);
        WriteString(buffer, entry.Path);
        WriteString(buffer, entry.Decision.ToString());
        WriteString(buffer, entry.Mask.ToString());
        WriteString(buffer, entry.Reason);
        WriteString(buffer, entry.PreviousHash);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), -1);
            buffer.Advance(4);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
