using GraphQlRegistry.AccessLog.Writing;

namespace GraphQlRegistry.AccessLog.Tests.Writing;

/// <summary>
/// The writer's text ids: a text is found whichever string object carries it, and a forgotten id (rolled back with a
/// failed append) is never handed out again, not even by the table of recurring strings.
/// </summary>
public sealed class KnownTextsTests
{
    [Fact]
    public void TryGetRecurring_FindsTheTextWhateverObjectCarriesIt()
    {
        var texts = new KnownTexts();
        texts.Add("Citizen.fullName", 7);
        var sameText = string.Concat("Citizen.", "fullName");

        Assert.True(texts.TryGetRecurring(sameText, out var id));
        Assert.Equal(7, id);
        Assert.True(texts.TryGetRecurring(sameText, out id));
        Assert.Equal(7, id);
        Assert.True(texts.TryGet("Citizen.fullName", out id));
        Assert.Equal(7, id);
    }

    [Fact]
    public void Forget_DropsIdsTheRecurringTableHeld()
    {
        var texts = new KnownTexts();
        const string reason = "FIELD_NOT_ENTITLED";
        texts.Add(reason, 3);
        Assert.True(texts.TryGetRecurring(reason, out _));

        texts.Forget();

        Assert.False(texts.TryGetRecurring(reason, out _));
        Assert.False(texts.TryGet(reason, out _));
        texts.Add(reason, 4);
        Assert.True(texts.TryGetRecurring(reason, out var id));
        Assert.Equal(4, id);
    }

    [Fact]
    public void ForgetIfFull_KeepsTextsUntilTheMapIsFull()
    {
        var texts = new KnownTexts();
        texts.Add("a", 1);
        texts.ForgetIfFull();
        Assert.True(texts.TryGet("a", out _));

        for (var i = 0; i <= 100_000; i++)
        {
            texts.Add($"path.{i}", i + 2);
        }

        Assert.True(texts.TryGetRecurring("a", out _));
        texts.ForgetIfFull();
        Assert.False(texts.TryGet("a", out _));
        Assert.False(texts.TryGetRecurring("a", out _));
    }
}
