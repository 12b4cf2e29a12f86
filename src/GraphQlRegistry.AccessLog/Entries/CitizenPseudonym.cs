using System.Security.Cryptography;
using System.Text;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// The pseudonymous citizen reference of the log: HMAC-SHA256 of the personal id under a secret key
/// (<c>Registry:AccessLog:PseudonymKey</c>). Without the key a reference cannot be turned back into an id,
/// nor an id into its reference.
/// </summary>
public sealed class CitizenPseudonym
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    // One keyed HMAC per thread, reset after each use. The one-shot HMACSHA256.HashData looks up the algorithm and
    // derives the key's pads on every call: about 10 µs of a KYC lookup under load, where a kept context takes well
    // under one. Contexts are not thread-safe, hence one per thread; each is freed with its thread's slot.
    private readonly ThreadLocal<IncrementalHash> _macs;

    public CitizenPseudonym(string key)
    {
        _key = Encoding.UTF8.GetBytes(key);
        if (_key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _macs = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
    }

    public string Of(string personalId)
    {
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(personalId.Length)];
        var length = Encoding.UTF8.GetBytes(personalId, input);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = _macs.Value!;
        hmac.AppendData(input[..length]);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac);
    }
}
