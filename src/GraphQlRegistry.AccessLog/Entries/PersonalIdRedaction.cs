namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// Removes anything shaped like a personal id (a run of twelve or more digits) from caller-supplied text before it is
/// logged: a purpose, an operation name, an alias in a path or a subject may carry one, and the log must hold none.
/// </summary>
public static class PersonalIdRedaction
{
    private const int IdDigits = 12;
    public const string Replacement = "[redacted]";

    public static string? Redact(string? text)
    {
        if (text is null || !HasLongDigitRun(text))
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var run = DigitRunLength(text, i);
            if (run >= IdDigits)
            {
                result.Append(Replacement);
                i += run;
            }
            else
            {
                result.Append(text, i, Math.Max(run, 1));
                i += Math.Max(run, 1);
            }
        }

        return result.ToString();
    }

    private static bool HasLongDigitRun(string text)
    {
        var run = 0;
        foreach (var ch in text)
        {
            run = char.IsAsciiDigit(ch) ? run + 1 : 0;
            if (run >= IdDigits)
            {
                return true;
            }
        }

        return false;
    }

    private static int DigitRunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }
}
