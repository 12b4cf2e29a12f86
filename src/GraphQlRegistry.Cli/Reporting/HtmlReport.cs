using System.Globalization;
using System.Text;
using GraphQlRegistry.AccessLog.Analysis.Anomalies;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.Cli.Output;
using static GraphQlRegistry.Cli.Reporting.SvgCharts;

namespace GraphQlRegistry.Cli.Reporting;

/// <summary>
/// The security team's one-page report: a single HTML file with inline CSS and SVG and no script, so it opens offline,
/// can be mailed as is, and prints on A4.
/// </summary>
public static class HtmlReport
{
    private const int HeatMapFields = 40;

    private const string Style = """
        body { font: 13px/1.4 system-ui, sans-serif; color: #222; margin: 24px auto; max-width: 1100px; }
        h1 { font-size: 22px; margin-bottom: 2px; } h2 { font-size: 16px; border-bottom: 1px solid #ccc; margin-top: 28px; }
        .meta { color: #666; } .axis { font-size: 10px; fill: #444; } .legend { font-size: 11px; fill: #222; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .ok { color: #1a7f37; font-weight: 600; } .broken { color: #b2182b; font-weight: 600; }
        .HIGH { color: #b2182b; font-weight: 600; } .MEDIUM { color: #b35806; font-weight: 600; } .LOW { color: #555; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; } svg { max-width: 100%; height: auto; }
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } section { break-inside: avoid; } }
        """;

    public static string Render(ReportData data)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Access log report</title>");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.Append("<style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Access log report</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Entries since {data.Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC, generated {data.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Days are UTC days.</p>");
        Chain(html, data);
        Flagged(html, data.Flagged);
        PerDay(html, data.PerDayByType);
        html.Append("<div class=\"grid\">");
        TopList(html, "Top organisations", data.Organizations.Select(b => ($"{b.OrganizationId} ({Wire.Name(b.OrganizationType)})", b.Count)), "#1f77b4");
        TopList(html, "Top denied fields", data.DeniedFields.Select(b => (b.Field ?? "(whole request)", b.Count)), "#b2182b");
        html.Append("</div>");
        Heat(html, data.TypeByField);
        Findings(html, data.Findings);
        return html.Append("</body></html>").ToString();
    }

    private static void Chain(StringBuilder html, ReportData data)
    {
        html.Append("<section><h2>Hash chain</h2>");
        html.Append(data.Chain.Ok
            ? string.Create(CultureInfo.InvariantCulture, $"<p class=\"ok\">Intact: {data.Chain.EntriesChecked:N0} entries verified.</p>")
            : string.Create(CultureInfo.InvariantCulture, $"<p class=\"broken\">BROKEN at entry {data.Chain.FirstBrokenSequence} ({data.Chain.Break}) after {data.Chain.EntriesChecked:N0} intact entries. Keep the store as evidence.</p>"));
        html.Append("</section>");
    }

    private static void Flagged(StringBuilder html, IReadOnlyList<FlaggedAccess> flagged)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>Accesses flagged by citizens ({flagged.Count})</h2>");
        if (flagged.Count == 0)
        {
            html.Append("<p class=\"ok\">No citizen flagged an access.</p></section>");
            return;
        }

        html.Append("<table><tr><th>flagged (UTC)</th><th>kind</th><th>organisation</th><th>read (UTC)</th><th>fields</th><th>reason</th><th>request</th></tr>");
        foreach (var access in flagged)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{access.Flag.Time.UtcDateTime:yyyy-MM-dd HH:mm}</td><td class=\"HIGH\">{Wire.Name(access.Flag.Kind)}</td><td>{Encode(access.OrganizationId ?? access.Subject ?? "-")} ({Wire.Name(access.OrganizationType)})</td><td>{access.AccessedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-"}</td><td>{Encode(string.Join(" ", access.Fields))}</td><td>{Encode(access.Flag.Reason ?? "")}</td><td>{Encode(access.Flag.RequestId)}</td></tr>");
        }

        html.Append("</table></section>");
    }

    private static void PerDay(StringBuilder html, IReadOnlyList<AccessStatsBucket> buckets)
    {
        var days = buckets.Where(b => b.Day is not null).Select(b => b.Day!.Value).Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var types = buckets.GroupBy(b => b.OrganizationType is null ? "(no organisation: auditors, CLI)" : Wire.Name(b.OrganizationType)).OrderByDescending(g => g.Sum(b => b.Count)).Select(g => g.Key).ToList();
        var counts = buckets.GroupBy(b => (Day: b.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Type: b.OrganizationType is null ? "(no organisation: auditors, CLI)" : Wire.Name(b.OrganizationType)))
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        html.Append("<section><h2>Accesses per day by organisation type</h2>");
        html.Append(days.Count == 0 ? "<p>No entries.</p>" : StackedBars(days, types, (day, type) => counts.GetValueOrDefault((day, type))));
        html.Append("</section>");
    }

    private static void Heat(StringBuilder html, IReadOnlyList<AccessStatsBucket> buckets)
    {
        var withType = buckets.Where(b => b is { OrganizationType: not null, Field: not null }).ToList();
        var fields = withType.GroupBy(b => b.Field!).OrderByDescending(g => g.Sum(b => b.Count)).Take(HeatMapFields).Select(g => g.Key).ToList();
        var types = withType.Select(b => b.OrganizationType!.Value).Distinct().Order().Select(t => Wire.Name(t)).ToList();
        var counts = withType.GroupBy(b => (Type: Wire.Name(b.OrganizationType), b.Field)).ToDictionary(g => g.Key, g => g.Sum(b => b.Count));
        html.Append("<section><h2>Organisation type × field</h2>");
        html.Append(types.Count == 0 ? "<p>No entries.</p>" : HeatMap(types, fields, (type, field) => counts.GetValueOrDefault((type, field))));
        html.Append("</section>");
    }

    private static void TopList(StringBuilder html, string title, IEnumerable<(string Name, long Count)> rows, string colour)
    {
        var list = rows.ToList();
        var max = list.Count == 0 ? 0 : list.Max(r => r.Count);
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{Encode(title)}</h2><table><tr><th>name</th><th>entries</th><th></th></tr>");
        foreach (var (name, count) in list)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(name)}</td><td class=\"n\">{count:N0}</td><td>{Bar(count, max, colour)}</td></tr>");
        }

        html.Append(list.Count == 0 ? "<tr><td colspan=\"3\">None.</td></tr>" : "").Append("</table></section>");
    }

    private static void Findings(StringBuilder html, IReadOnlyList<AnomalyFinding> findings)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>Anomalies ({findings.Count})</h2>");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"ok\">No anomalies found.</p></section>");
            return;
        }

        html.Append("<table><tr><th>severity</th><th>kind</th><th>who</th><th>when (UTC)</th><th>observed / threshold</th><th>evidence</th><th>requests</th></tr>");
        foreach (var f in findings)
        {
            var severity = Wire.Name(f.Severity);
            var who = f.Subject.Length == 64 ? f.Subject[..12] + "…" : f.Subject;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"{severity}\">{severity}</td><td>{Wire.Name(f.Kind)}</td><td>{Encode(who)}</td><td>{f.From.UtcDateTime:yyyy-MM-dd HH:mm} – {f.To.UtcDateTime:HH:mm}</td><td class=\"n\">{f.Observed:N0} / {f.Threshold:N0}</td><td>{Encode(f.Detail)}</td><td>{Encode(string.Join(" ", f.RequestIds))}</td></tr>");
        }

        html.Append("</table></section>");
    }
}
