using System.Security.Cryptography;

namespace GraphQlRegistry.AccessLog.Hashing;

/// <summary>
/// A hash (or keyed HMAC) computed on a context kept per thread, since contexts are not thread-safe. The one-shot
/// <c>SHA256.HashData</c> and <c>HMACSHA256.HashData</c> fetch the algorithm (and derive an HMAC key's pads) on every
/// call: the pseudonym's HMAC alone was 4% of a KYC lookup's CPU under load. A context goes back to its thread's slot
/// only after a whole hash, so one left half-fed by a failure is never reused; it is freed with its thread.
/// </summary>
internal sealed class PerThreadHash(Func<IncrementalHash> create)
{
    private readonly ThreadLocal<IncrementalHash?> _contexts = new();

    public void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var context = _contexts.Value ?? create();
        _contexts.Value = null;
        context.AppendData(data);
        context.GetHashAndReset(destination);
        _contexts.Value = context;
    }
}
