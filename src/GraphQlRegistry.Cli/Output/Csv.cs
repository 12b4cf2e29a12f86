namespace GraphQlRegistry.Cli.Output;

/// <summary>RFC 4180 fields. A field a spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote mark: log text is caller-controlled.</summary>
public static class Csv
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Row(IEnumerable<string?> values) => string.Join(',', values.Select(Escape));
}
