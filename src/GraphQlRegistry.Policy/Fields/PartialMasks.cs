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

    /// <summary><c>079203004567</c> → <c>********4567</c>.</summary>
    public static string PersonalId(string id) =>
        id.Length <= HiddenIdDigits ? new string('*', id.Length) : string.Concat(new string('*', HiddenIdDigits), id.AsSpan(HiddenIdDigits));

    /// <summary><c>Nguyễn Văn An</c> → <c>N. V. An</c>.</summary>
    public static string Initials(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        // A text element, not a char: an initial keeps its diacritics even in decomposed form.
        var parts = words[..^1].Select(word => word[..StringInfo.GetNextTextElementLength(word)] + ".");
        return string.Join(' ', parts.Append(words[^1]));
    }
}
