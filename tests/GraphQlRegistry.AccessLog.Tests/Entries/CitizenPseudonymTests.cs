using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Tests.Entries;

public sealed class CitizenPseudonymTests
{
    private const string Key = "a-key-of-at-least-thirty-two-bytes-long!";

    [Fact]
    public void Pseudonym_IsStablePerKeyAndHidesTheId()
    {
        var pseudonym = new CitizenPseudonym(Key);
        var reference = pseudonym.Of("001085123456");
        Assert.Equal(reference, pseudonym.Of("001085123456"));
        Assert.NotEqual(reference, pseudonym.Of("001085123457"));
        Assert.NotEqual(reference, new CitizenPseudonym(Key + "x").Of("001085123456"));
        Assert.DoesNotContain("123456", reference);
        Assert.Equal(64, reference.Length);
    }

    [Fact]
    public void Pseudonym_IsTheHmacSha256OfTheIdUnderTheKey() =>
        // Recomputed apart: python3 -c "import hmac,hashlib; print(hmac.new(KEY, b'001085123456', hashlib.sha256).hexdigest())"
        Assert.Equal("c2c4c5acf0f72a4251cd1eefbb989e11d18a591ad13605c4f1c0bf42fafe4ffd", new CitizenPseudonym(Key).Of("001085123456"));

    [Fact]
    public void Pseudonym_IsTheSameFromManyThreadsAtOnce()
    {
        // Each thread keeps its own HMAC context between calls: no call may see another's input or a context left mid-way.
        const int Threads = 4;
        var pseudonym = new CitizenPseudonym(Key);
        var ids = Enumerable.Range(0, 20_000).Select(i => (100_000_000_000 + (long)i * 7_919).ToString("D12", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var expected = ids.Select(id => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(id)))).ToArray();
        var failures = new ConcurrentBag<string>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < ids.Length; i++)
            {
                try
                {
                    if (pseudonym.Of(ids[i]) != expected[i])
                    {
                        failures.Add($"wrong reference for id #{i}");
                    }
                }
                catch (CryptographicException exception)
                {
                    failures.Add(exception.Message);
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
    }

    [Fact]
    public void ShortKey_IsRefused() => Assert.Throws<ArgumentException>(() => new CitizenPseudonym("short"));
}
