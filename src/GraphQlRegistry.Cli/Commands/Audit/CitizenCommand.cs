using System.ComponentModel;
using System.Diagnostics;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using GraphQlRegistry.Policy.Citizens;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>
/// Who read one person's record, field by field, newest first: the API's auditor search, found through the
/// citizen's spans. The personal id becomes its pseudonym with the configured key and is never printed or logged.
/// </summary>
public sealed class CitizenCommand : AsyncCommand<CitizenCommand.Settings>
{
    private const int PageSize = 500;

    public sealed class Settings : AuditSettings
    {
        [CommandArgument(0, "<PERSONAL_ID>")]
        [Description("The citizen's 12-digit personal identification number.")]
        public string PersonalId { get; set; } = string.Empty;

        [CommandOption("--limit <N>")]
        [Description("At most this many entries, newest first (default 1000).")]
        public int Limit { get; set; } = 1000;

        public override ValidationResult Validate() =>
            !Policy.Citizens.PersonalId.IsWellFormed(PersonalId) ? ValidationResult.Error("PERSONAL_ID must be exactly 12 digits.")
            : Limit is < 1 or > 1_000_000 ? ValidationResult.Error("--limit must be between 1 and 1000000.")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        var citizenRef = session.Pseudonym.Of(settings.PersonalId);
        await session.RecordReadAsync("audit citizen", citizenRef, cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        var reader = new AccessLogReader(session.Log);
        var entries = new List<AccessLogEntry>();
        long? before = null;
        while (entries.Count < settings.Limit)
        {
            var page = await reader.PageAsync(new AccessLogFilter(CitizenRef: citizenRef), Math.Min(PageSize, settings.Limit - entries.Count), before, cancellationToken);
            entries.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }

            before = page[^1].Sequence;
        }

        var names = await OrganizationNames.OfAsync(settings, entries.Select(e => e.OrganizationId), cancellationToken);
        CliErrors.Note($"Answered in {stopwatch.ElapsedMilliseconds:N0} ms.");
        var rows = entries.Select(e => new CitizenRead(e.Sequence, e.Time, e.OrganizationId, e.OrganizationId is { } id ? names.GetValueOrDefault(id) : null,
            e.OrganizationType, e.Field, e.Decision, e.Reason, e.Purpose, e.RequestId)).ToList();
        if (settings.Json)
        {
            CliJson.Write(new { citizenRef, entries = rows });
            return 0;
        }

        var table = new Table().Title("Reads of this citizen's record, newest first")
            .AddColumns("time (UTC)", "organisation", "type", "field", "decision", "purpose", "request");
        foreach (var row in rows)
        {
            table.AddRow(row.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), Markup.Escape(row.OrganizationName ?? row.OrganizationId ?? "-"),
                Wire.Name(row.OrganizationType), Markup.Escape(row.Field ?? "-"), DecisionMarkup.Of(row.Decision), Markup.Escape(row.Purpose ?? "-"),
                Markup.Escape(row.RequestId));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{rows.Count:N0} entries; citizen reference {citizenRef[..12]}…[/]");
        return 0;
    }

    private sealed record CitizenRead(
        long Sequence, DateTimeOffset Time, string? OrganizationId, string? OrganizationName, Policy.Organizations.OrganizationType? OrganizationType,
        string? Field, Policy.Fields.FieldOutcome Decision, string? Reason, string? Purpose, string RequestId);
}
