using System.Globalization;
using System.Text;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// The one place caller-controlled text (purpose, subject, operation name, organisation id claim, response path with
/// its aliases) is made fit for the log: (1) normalised (NFKC, so full-width digits become ASCII); (2) every run of 12
/// or more digits, counting digits across separators (spaces, hyphens, dots, underscores, slashes, commas, line breaks,
/// other control and format characters), replaced by <see cref="Replacement"/>: the log holds no personal id, however
/// written; (3) control, format and line-separator characters escaped as <c>\uXXXX</c>, so a value cannot forge a line
/// or a terminal sequence in the tools that read the log; (4) cut to a documented length.
/// </summary>
public static class CallerText
{
    public const string Replacement = "[redacted]";
    public const string Truncation = "…";

    public const int PurposeMaxLength = 200;
    public const int SubjectMaxLength = 128;
    public const int OperationNameMaxLength = 100;
    public const int OrganizationIdMaxLength = 64;
    public const int PathMaxLength = 500;

    private const int IdDigits = 12;

    public static string? Clean(string? text, int maxLength)
    {
        if (text is null || IsPlain(text, maxLength))
        {
            return text;
        }

        // Normalisation refuses a lone surrogate, so those become U+FFFD first.
        var wellFormed = WithoutLoneSurrogates(text);
        var normalized = wellFormed.IsNormalized(NormalizationForm.FormKC) ? wellFormed : wellFormed.Normalize(NormalizationForm.FormKC);
        return Bounded(Escaped(Redacted(normalized)), maxLength);
    }

    /// <summary>The fast case: short printable ASCII without a long digit run, returned as it is.</summary>
    private static bool IsPlain(string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            return false;
        }

        var digits = 0;
        foreach (var ch in text)
        {
            if (ch is < ' ' or > '~')
            {
                return false;
            }

            // Only inside a run of digits does a separator matter: a path is letters and dots, and needs no look at either.
            digits = char.IsAsciiDigit(ch) ? digits + 1 : digits > 0 && IsSeparator(ch) ? digits : 0;
            if (digits >= IdDigits)
            {
                return false;
            }
        }

        return true;
    }

    private static string Redacted(string text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsDigit(text[i]))
            {
                result.Append(text[i++]);
                continue;
            }

            // A run: digits, possibly with separators between them (never counted past its last digit).
            var end = i;
            var digits = 0;
            var scan = i;
            while (scan < text.Length && (char.IsDigit(text[scan]) || IsSeparator(text[scan])))
            {
                if (char.IsDigit(text[scan]))
                {
                    digits++;
                    end = scan + 1;
                }

                scan++;
            }

            if (digits >= IdDigits)
            {
                result.Append(Replacement);
            }
            else
            {
                result.Append(text, i, end - i);
            }

            i = end;
        }

        return result.ToString();
    }

    private static bool IsSeparator(char ch) => ch is '-' or '.' or '_' or '/' or ',' or ' '
        || char.GetUnicodeCategory(ch) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.DashPunctuation
            or UnicodeCategory.ConnectorPunctuation;

    private static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? result = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var paired = char.IsHighSurrogate(ch) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : !char.IsLowSurrogate(ch) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!paired)
            {
                result ??= new StringBuilder(text, 0, i, text.Length);
                result.Append('\uFFFD');
            }
            else
            {
                result?.Append(ch);
            }
        }

        return result?.ToString() ?? text;
    }

    private static string Escaped(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(ch).Append(text[++i]);
            }
            else if (char.GetUnicodeCategory(ch) is UnicodeCategory.Control or UnicodeCategory.Format
                         or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                result.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(ch);
            }
        }

        return result.ToString();
    }

    /// <summary>At most <paramref name="maxLength"/> characters, ending in <see cref="Truncation"/> when cut, never inside a surrogate pair.</summary>
    private static string Bounded(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - Truncation.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, Math.Max(cut, 0)), Truncation);
    }
}
