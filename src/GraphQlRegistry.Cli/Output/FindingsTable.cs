using GraphQlRegistry.AccessLog.Analysis.Anomalies;
using Spectre.Console;

namespace GraphQlRegistry.Cli.Output;

public static class FindingsTable
{
    public static Table Of(IReadOnlyList<AnomalyFinding> findings)
    {
        var table = new Table().Title($"{findings.Count} finding(s)").AddColumns("severity", "kind", "who", "from (UTC)", "to (UTC)", "observed", "threshold", "evidence", "requests");
        foreach (var finding in findings)
        {
            table.AddRow(SeverityMarkup(finding.Severity), Wire.Name(finding.Kind), Markup.Escape(Shorten(finding.Subject)),
                finding.From.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), finding.To.UtcDateTime.ToString("yyyy-MM-dd HH:mm"),
                finding.Observed.ToString("N0"), finding.Threshold.ToString("N0"), Markup.Escape(finding.Detail), Markup.Escape(string.Join(" ", finding.RequestIds)));
        }

        return table;
    }

    private static string SeverityMarkup(AnomalySeverity severity) => severity switch
    {
        AnomalySeverity.High => "[red]HIGH[/]",
        AnomalySeverity.Medium => "[yellow]MEDIUM[/]",
        AnomalySeverity.Low => "LOW",
    };

    /// <summary>A citizen reference is 64 hex digits; twelve identify it to the eye.</summary>
    private static string Shorten(string subject) => subject.Length == 64 ? subject[..12] + "…" : subject;
}
