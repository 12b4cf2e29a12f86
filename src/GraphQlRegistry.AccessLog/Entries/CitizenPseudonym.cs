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

    // A keyed HMAC context kept per thread (contexts are not thread-safe). The one-shot HMACSHA256.HashData fetches the
    // algorithm and derives the key's pads on every call: 4% of a KYC lookup's CPU under load. A context goes back to
    // its slot only after a whole MAC, so one left half-fed by a failure is never reused; it is freed with its thread.
    private readonly ThreadLocal<IncrementalHash?> _macs = new();

    public CitizenPseudonym(string key)
    {
        _key = Encoding.UTF8.GetBytes(key);
        if (_key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }
    }

    public string Of(string personalId)
    {
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(personalId.Length)];
        var length = Encoding.UTF8.GetBytes(personalId, input);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = _macs.Value ?? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        _macs.Value = null;
        hmac.AppendData(input[..length]);
        hmac.GetHashAndReset(mac);
        _macs.Value = hmac;
        return Convert.ToHexStringLower(mac);
    }
}
