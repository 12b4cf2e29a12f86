using System.Globalization;

namespace GraphQlRegistry.Policy.Fields;

/// <summary>The partial masks of SPEC §3, exactly.</summary>
public static class PartialMasks
{
    private const int HiddenIdDigits = 8;

    public static object? Apply(PartialRendering rendering, object? value) => rendering switch
    {
        PartialRendering.Clear => value,
        PartialRendering.Hidden => null,
        PartialRendering.LastFourDigits => value is string id ? PersonalId(id) : null,
        PartialRendering.Initials => value is string name ? Initials(name) : null,
    };

    /// <summary><c>079203004567</c> → <c>********4567</c>; one allocation, the masked text.</summary>
    public static string PersonalId(string id) => string.Create(id.Length, id, static (masked, source) =>
    {
        var hidden = Math.Min(HiddenIdDigits, source.Length);
        masked[..hidden].Fill('*');
        source.AsSpan(hidden).CopyTo(masked[hidden..]);
    });

    /// <summary><c>Nguyễn Văn An</c> → <c>N. V. An</c>; words are runs between spaces; one allocation, the masked text.</summary>
    public static string Initials(string fullName)
    {
        var length = RenderInitials(fullName, []);
        return length == 0 ? string.Empty : string.Create(length, fullName, static (masked, name) => RenderInitials(name, masked));
    }

    /// <summary>Writes the initials into <paramref name="output"/> when it is not empty; returns their length either way.</summary>
    private static int RenderInitials(ReadOnlySpan<char> name, Span<char> output)
    {
        var written = 0;
        var rest = name.Trim(' ');
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(' ');
            var isLast = end < 0;
            var word = isLast ? rest : rest[..end];
            rest = isLast ? [] : rest[end..].TrimStart(' ');

            // A text element, not a char: an initial keeps its diacritics even in decomposed form.
            var part = isLast ? word : word[..StringInfo.GetNextTextElementLength(word)];
            written += Put(output, written, part);
            written += isLast ? 0 : Put(output, written, ". ");
        }

        return written;
    }

    private static int Put(Span<char> output, int at, ReadOnlySpan<char> text)
    {
        if (!output.IsEmpty)
        {
            text.CopyTo(output[at..]);
        }

        return text.Length;
    }
}
