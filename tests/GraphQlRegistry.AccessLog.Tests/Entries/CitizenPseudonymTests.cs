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
    public void ShortKey_IsRefused() => Assert.Throws<ArgumentException>(() => new CitizenPseudonym("short"));
}
