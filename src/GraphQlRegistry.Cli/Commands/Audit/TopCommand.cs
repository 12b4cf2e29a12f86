using System.ComponentModel;
using System.Diagnostics;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>The largest groups of entries by organisation, organisation type, field or decision, from the daily rollup.</summary>
public sealed class TopCommand : AsyncCommand<TopCommand.Settings>
{
    private static readonly Dictionary<string, AccessStatsDimension> Dimensions = new(StringComparer.Ordinal)
    {
        ["organization"] = AccessStatsDimension.Organization,
        ["organization-type"] = AccessStatsDimension.OrganizationType,
        ["field"] = AccessStatsDimension.Field,
        ["decision"] = AccessStatsDimension.Decision,
    };

    public sealed class Settings : RangeSettings
    {
        [CommandOption("--by <DIMENSION>")]
        [Description("organization, organization-type, field or decision.")]
        public string By { get; set; } = "organization";

        [CommandOption("--limit <N>")]
        [Description("How many groups to show (default 20).")]
        public int Limit { get; set; } = 20;

        public override ValidationResult Validate() =>
            !Dimensions.ContainsKey(By) ? ValidationResult.Error($"Unknown --by '{By}': use {string.Join(", ", Dimensions.Keys)}.")
            : Limit is < 1 or > 100_000 ? ValidationResult.Error("--limit must be between 1 and 100000.")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        await session.RecordReadAsync("audit top", null, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var counts = new HourlyCounts(session.Log);
        var caughtUp = stopwatch.Elapsed;

        var dimension = Dimensions[settings.By];
        var filter = new AccessLogFilter(From: settings.SinceTime, To: settings.UntilTime);
        // An organisation has one type: grouping by both shows it at no cost.
        var groupBy = dimension == AccessStatsDimension.Organization
            ? new HashSet<AccessStatsDimension> { dimension, AccessStatsDimension.OrganizationType }
            : new HashSet<AccessStatsDimension> { dimension };
        var buckets = await counts.StatsAsync(groupBy, filter, cancellationToken);
        var total = buckets.Sum(b => b.Count);
        var rows = buckets.Take(settings.Limit).Select(b => new TopRow(KeyOf(dimension, b), b.OrganizationType, b.Count)).ToList();
        CliErrors.Note($"Answered in {stopwatch.ElapsedMilliseconds:N0} ms, of which {caughtUp.TotalMilliseconds:N0} ms bringing the daily rollup up to date.");
        if (settings.Json)
        {
            CliJson.Write(new { by = settings.By, since = settings.SinceTime, until = settings.UntilTime, total, rows });
            return 0;
        }

        var table = new Table().Title($"Entries by {settings.By}").AddColumns("#", settings.By, "entries", "share");
        if (dimension == AccessStatsDimension.Organization)
        {
            table.AddColumn("type");
        }

        foreach (var (row, rank) in rows.Select((row, i) => (row, i + 1)))
        {
            string[] cells = [rank.ToString(), Markup.Escape(row.Key), row.Count.ToString("N0"), total == 0 ? "-" : $"{100.0 * row.Count / total:F1}%"];
            table.AddRow(dimension == AccessStatsDimension.Organization ? [.. cells, Wire.Name(row.OrganizationType)] : cells);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{total:N0} entries in all.[/]");
        return 0;
    }

    private static string KeyOf(AccessStatsDimension dimension, AccessStatsBucket bucket) => dimension switch
    {
        AccessStatsDimension.Organization => bucket.OrganizationId ?? "(no organisation)",
        AccessStatsDimension.OrganizationType => Wire.Name(bucket.OrganizationType),
        AccessStatsDimension.Field => bucket.Field ?? "(whole request)",
        AccessStatsDimension.Decision => Wire.Name(bucket.Decision),
        AccessStatsDimension.Day => bucket.Day?.ToString("yyyy-MM-dd") ?? "-",
    };

    private sealed record TopRow(string Key, Policy.Organizations.OrganizationType? OrganizationType, long Count);
}
