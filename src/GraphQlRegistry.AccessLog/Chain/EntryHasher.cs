using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Chain;

/// <summary>
/// The SHA-256 of an entry's canonical content, which includes the previous entry's hash. The canonical form is
/// every attribute in a fixed order, each as a 4-byte big-endian length (−1 for null) and its UTF-8 bytes, so no two
/// different entries encode alike; enum values are encoded by their SPEC names (<see cref="WireNames"/>), so renaming a
/// C# member changes nothing. Changing this order or encoding breaks every stored chain: never do it in place.
/// </summary>
public static class EntryHasher
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AccessLogEntry entry)
    {
        string?[] texts =
        [
            entry.RequestId, entry.OperationName, entry.Subject, entry.OrganizationId, NameOf(entry.OrganizationType), entry.GrantId,
            NameOf(entry.GrantAuthority), NameOf(entry.Channel), entry.Purpose, entry.CitizenRef, entry.Field, entry.Path,
            WireNames.Of(entry.Decision), WireNames.Of(entry.Mask), entry.Reason, entry.PreviousHash,
        ];
        var length = 2 * sizeof(long);
        foreach (var text in texts)
        {
            length += sizeof(int) + (text is null ? 0 : Encoding.UTF8.GetByteCount(text));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Write(buffer, entry.Sequence, entry.TimeUnixMs, texts);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? NameOf<T>(T? value) where T : struct, Enum => value is { } present ? WireNames.Of(present) : null;

    private static int Write(Span<byte> buffer, long sequence, long timeUnixMs, string?[] texts)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer, sequence);
        BinaryPrimitives.WriteInt64BigEndian(buffer[8..], timeUnixMs);
        var position = 16;
        foreach (var text in texts)
        {
            if (text is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(buffer[position..], -1);
                position += sizeof(int);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(text, buffer[(position + sizeof(int))..]);
            BinaryPrimitives.WriteInt32BigEndian(buffer[position..], bytes);
            position += sizeof(int) + bytes;
        }

        return position;
    }
}
