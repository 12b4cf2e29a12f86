using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Tests.Entries;

public sealed class PseudonymAndRedactionTests
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

    [Theory]
    [InlineData("KYC for 001085123456 today", "KYC for [redacted] today")]
    [InlineData("a0010851234567b", "a[redacted]b")]
    [InlineData("order 12345678901 ok", "order 12345678901 ok")]
    [InlineData(null, null)]
    public void Redaction_RemovesRunsOfTwelveOrMoreDigits(string? text, string? expected) => Assert.Equal(expected, PersonalIdRedaction.Redact(text));
}
