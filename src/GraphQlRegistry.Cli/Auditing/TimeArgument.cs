using System.Globalization;

namespace GraphQlRegistry.Cli.Auditing;

/// <summary>Times on the command line: a UTC date, an ISO 8601 time (UTC unless it says otherwise), or N days ago (<c>7d</c>).</summary>
public static class TimeArgument
{
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        if (text.EndsWith('d') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            time = DateTimeOffset.UtcNow.AddDays(-days);
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            time = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time) && text.Contains('T');
    }

    public static DateTimeOffset? ParseOrNull(string? text) => text is not null && TryParse(text, out var time) ? time : null;
}
