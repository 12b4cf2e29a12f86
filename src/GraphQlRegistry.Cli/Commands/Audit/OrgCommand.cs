using System.ComponentModel;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>What one organisation read, by field and by day, with its denials.</summary>
public sealed class OrgCommand : AsyncCommand<OrgCommand.Settings>
{
    public sealed class Settings : RangeSettings
    {
        [CommandArgument(0, "<ORG_ID>")]
        [Description("The organisation's id in the registry, e.g. demo-credit-institution.")]
        public string OrganizationId { get; set; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        await using (var registry = settings.OpenRegistry())
        {
            if (!await registry.Organizations.AnyAsync(o => o.Id == settings.OrganizationId, cancellationToken))
            {
                throw new CommandFailure($"No organisation '{settings.OrganizationId}' is registered.");
            }
        }

        await session.RecordReadAsync("audit org", null, cancellationToken);
        var counts = new HourlyCounts(session.Log);
        var filter = new AccessLogFilter(OrganizationId: settings.OrganizationId, From: settings.SinceTime, To: settings.UntilTime);
        var byField = Rows(await counts.StatsAsync(new HashSet<AccessStatsDimension> { AccessStatsDimension.Field, AccessStatsDimension.Decision }, filter, cancellationToken),
            b => b.Field ?? "(whole request)");
        var byDay = Rows(await counts.StatsAsync(new HashSet<AccessStatsDimension> { AccessStatsDimension.Day, AccessStatsDimension.Decision }, filter, cancellationToken),
            b => b.Day!.Value.ToString("yyyy-MM-dd"));

        if (settings.Json)
        {
            CliJson.Write(new { organizationId = settings.OrganizationId, byField, byDay = byDay.OrderBy(r => r.Key) });
            return 0;
        }

        AnsiConsole.Write(Table($"{settings.OrganizationId}: by field", "field", byField.OrderByDescending(r => r.Total)));
        AnsiConsole.Write(Table($"{settings.OrganizationId}: by day (UTC)", "day", byDay.OrderBy(r => r.Key)));
        var denied = byField.Sum(r => r.Denied);
        AnsiConsole.MarkupLine(denied == 0 ? "[green]No denials.[/]" : $"[red]{denied:N0} denied fields[/] in {byField.Count(r => r.Denied > 0)} field(s).");
        return 0;
    }

    private static List<DecisionRow> Rows(IEnumerable<AccessStatsBucket> buckets, Func<AccessStatsBucket, string> key) =>
        buckets.GroupBy(key).Select(group => new DecisionRow(group.Key,
            group.Where(b => b.Decision == FieldOutcome.Revealed).Sum(b => b.Count),
            group.Where(b => b.Decision == FieldOutcome.Masked).Sum(b => b.Count),
            group.Where(b => b.Decision == FieldOutcome.Denied).Sum(b => b.Count))).ToList();

    private static Table Table(string title, string keyName, IEnumerable<DecisionRow> rows)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns(keyName, "revealed", "masked", "denied", "total");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Key), row.Revealed.ToString("N0"), row.Masked.ToString("N0"),
                row.Denied == 0 ? "0" : $"[red]{row.Denied:N0}[/]", row.Total.ToString("N0"));
        }

        return table;
    }

    private sealed record DecisionRow(string Key, long Revealed, long Masked, long Denied)
    {
        public long Total => Revealed + Masked + Denied;
    }
}
