using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Tests.Entries;

/// <summary>Issue 8, findings 3, 5 and 6: the corpus of caller text that once reached the log as it came.</summary>
public sealed class CallerTextTests
{
    private const int Wide = 10_000;

    [Theory]
    [InlineData("KYC for 001085123456 today", "KYC for [redacted] today")]
    [InlineData("a0010851234567b", "a[redacted]b")]
    [InlineData("order 12345678901 ok", "order 12345678901 ok")]
    [InlineData("0792-0300-4567", "[redacted]")]
    [InlineData("0792 0300 4567", "[redacted]")]
    [InlineData("0792.0300.4567", "[redacted]")]
    [InlineData("Q_0010_9989_1208", "Q_[redacted]")]
    [InlineData("id 0792\n0300\n4567 end", "id [redacted] end")]
    [InlineData("id 0792\r\n0300\r\n4567", "id [redacted]")]
    [InlineData("0792\u200B0300\u200B4567", "[redacted]")]
    [InlineData("0792 \u2013 0300 \u2013 4567", "[redacted]")]
    [InlineData("\uFF10\uFF17\uFF19\uFF12\uFF10\uFF13\uFF10\uFF10\uFF14\uFF15\uFF16\uFF17", "[redacted]")]
    [InlineData("\u0660\u0667\u0669\u0662\u0660\u0663\u0660\u0660\u0664\u0665\u0666\u0667", "[redacted]")]
    [InlineData("phone 0912-345-678, ok", "phone 0912-345-678, ok")]
    [InlineData("2026-12-01 10:30", "2026-12-01 10:30")]
    [InlineData("citizen.father.personalId", "citizen.father.personalId")]
    [InlineData(null, null)]
    public void PersonalIds_AreRedactedHoweverWritten(string? text, string? expected) => Assert.Equal(expected, CallerText.Clean(text, Wide));

    [Theory]
    [InlineData("line\nforged", "line\\u000Aforged")]
    [InlineData("line\rforged", "line\\u000Dforged")]
    [InlineData("\u001B[31mred", "\\u001B[31mred")]
    [InlineData("nul\0byte", "nul\\u0000byte")]
    [InlineData("para\u2028graph\u2029end", "para\\u2028graph\\u2029end")]
    [InlineData("bidi\u202Eoverride", "bidi\\u202Eoverride")]
    [InlineData("emoji 😀 kept", "emoji 😀 kept")]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    public void ControlCharacters_AreEscaped(string text, string expected) => Assert.Equal(expected, CallerText.Clean(text, Wide));

    [Fact]
    public void LoneSurrogate_BecomesTheReplacementCharacter() => Assert.Equal("lone \uFFFD surrogate", CallerText.Clean("lone " + (char)0xD800 + " surrogate", Wide));

    [Fact]
    public void FullWidthLetters_AreNormalised() => Assert.Equal("KYC", CallerText.Clean("\uFF2B\uFF39\uFF23", Wide));

    [Fact]
    public void LongText_IsCutToItsCap()
    {
        var cleaned = CallerText.Clean(new string('p', 15_000), CallerText.PurposeMaxLength)!;
        Assert.Equal(CallerText.PurposeMaxLength, cleaned.Length);
        Assert.EndsWith(CallerText.Truncation, cleaned);
    }

    [Fact]
    public void TextAtItsCap_IsKept() => Assert.Equal(new string('s', 128), CallerText.Clean(new string('s', 128), CallerText.SubjectMaxLength));

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var cleaned = CallerText.Clean(new string('a', 98) + "😀😀", CallerText.OperationNameMaxLength)!;
        Assert.False(char.IsHighSurrogate(cleaned[^2]));
    }

    [Fact]
    public void IdAfterTheCut_LeavesNoDigitsBehind()
    {
        var cleaned = CallerText.Clean(new string('x', 190) + "001085123456", CallerText.PurposeMaxLength)!;
        Assert.DoesNotContain("0010851", cleaned);
    }

    [Fact]
    public void AccessContext_CleansWhatItIsGiven()
    {
        var context = new AccessContext("r", "Q_0010_9989_1208", "sub\n001085123456", "001085123456", null, null, null, null, new string('p', 15_000));
        Assert.Equal("Q_[redacted]", context.OperationName);
        Assert.Equal("sub\\u000A[redacted]", context.Subject);
        Assert.Equal("[redacted]", context.OrganizationId);
        Assert.Equal(CallerText.PurposeMaxLength, context.Purpose!.Length);
        Assert.Equal("[redacted]", (context with { Purpose = "0792 0300 4567" }).Purpose);
    }

    [Fact]
    public void AccessRecord_CleansItsPath()
    {
        var context = new AccessContext("r", null, null, null, null, null, null, null, null);
        var record = new AccessRecord(context, DateTimeOffset.UnixEpoch, null, "Citizen.fullName", "a_0010_9989_1208.fullName", default, default, null);
        Assert.Equal("a_[redacted].fullName", record.Path);
    }
}
