using System.Security.Cryptography;
using System.Text;
using GraphQlRegistry.AccessLog.Hashing;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// The pseudonymous citizen reference of the log: HMAC-SHA256 of the personal id under a secret key
/// (<c>Registry:AccessLog:PseudonymKey</c>). Without the key a reference cannot be turned back into an id,
/// nor an id into its reference.
/// </summary>
public sealed class CitizenPseudonym
{
    public const int MinimumKeyBytes = 32;

    private readonly PerThreadHash _mac;

    public CitizenPseudonym(string key)
    {
        var secret = Encoding.UTF8.GetBytes(key);
        if (secret.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _mac = new PerThreadHash(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret));
    }

    public string Of(string personalId)
    {
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(personalId.Length)];
        var length = Encoding.UTF8.GetBytes(personalId, input);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _mac.Compute(input[..length], mac);
        return Convert.ToHexStringLower(mac);
    }
}
