using System.Globalization;
using System.Net;
using System.Text;

namespace GraphQlRegistry.Cli.Reporting;

/// <summary>Inline SVG charts: no script, no fonts or images fetched, so the report opens and prints anywhere.</summary>
public static class SvgCharts
{
    public static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31",
    ];

    /// <summary>One stacked bar per column (a day), one colour per series (an organisation type), with a legend.</summary>
    public static string StackedBars(IReadOnlyList<string> columns, IReadOnlyList<string> series, Func<string, string, long> value)
    {
        const int width = 900, height = 260, left = 60, bottom = 40, top = 10, legendWidth = 250;
        var totals = columns.Select(c => series.Sum(s => value(c, s))).ToList();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var plotWidth = width - left - legendWidth;
        var barWidth = columns.Count == 0 ? 0 : (double)plotWidth / columns.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Accesses per day by organisation type\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{left + plotWidth}\" y2=\"{height - bottom}\" stroke=\"#444\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 10}\" text-anchor=\"end\" class=\"axis\">{max:N0}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{height - bottom}\" text-anchor=\"end\" class=\"axis\">0</text>");
        var scale = (double)(height - bottom - top) / max;
        for (var c = 0; c < columns.Count; c++)
        {
            var y = (double)(height - bottom);
            for (var s = 0; s < series.Count; s++)
            {
                var v = value(columns[c], series[s]);
                if (v == 0)
                {
                    continue;
                }

                var h = v * scale;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{left + c * barWidth + 1:F1}\" y=\"{y:F1}\" width=\"{Math.Max(1, barWidth - 2):F1}\" height=\"{h:F1}\" fill=\"{Palette[s % Palette.Length]}\"><title>{Encode(columns[c])} {Encode(series[s])}: {v:N0}</title></rect>");
            }

            if (columns.Count <= 16 || c % (columns.Count / 8 + 1) == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (c + 0.5) * barWidth:F1}\" y=\"{height - bottom + 14}\" text-anchor=\"middle\" class=\"axis\">{Encode(columns[c][5..])}</text>");
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var y = top + s * 18;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{width - legendWidth + 20}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - legendWidth + 38}\" y=\"{y + 10}\" class=\"legend\">{Encode(series[s])}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Rows × columns, each cell shaded by its count (log scale, so small readers still show) and labelled when it fits.</summary>
    public static string HeatMap(IReadOnlyList<string> rows, IReadOnlyList<string> columns, Func<string, string, long> value)
    {
        const int cell = 26, left = 270, top = 150;
        // Room on the right for the last column's slanted label.
        var width = left + columns.Count * cell + 140;
        var height = top + rows.Count * cell + 10;
        var max = Math.Max(1, rows.SelectMany(r => columns.Select(c => value(r, c))).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Organisation type by field\">");
        for (var c = 0; c < columns.Count; c++)
        {
            var x = left + c * cell + cell / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate({x},{top - 6}) rotate(-60)\" class=\"axis\">{Encode(columns[c])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + r * cell;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + cell * 0.65:F1}\" text-anchor=\"end\" class=\"axis\">{Encode(rows[r])}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var v = value(rows[r], columns[c]);
                var intensity = v == 0 ? 0 : 0.12 + 0.88 * Math.Log(1 + v) / Math.Log(1 + max);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{left + c * cell}\" y=\"{y}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"{(v == 0 ? "#f3f3f3" : "#b2182b")}\" fill-opacity=\"{(v == 0 ? 1 : intensity):F2}\"><title>{Encode(rows[r])} × {Encode(columns[c])}: {v:N0}</title></rect>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A horizontal bar, sized against the largest value of its list, for a table cell.</summary>
    public static string Bar(long value, long max, string colour) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"12\" viewBox=\"0 0 200 12\"><rect width=\"{(max == 0 ? 0 : 200.0 * value / max):F1}\" height=\"12\" fill=\"{colour}\"/></svg>");

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
