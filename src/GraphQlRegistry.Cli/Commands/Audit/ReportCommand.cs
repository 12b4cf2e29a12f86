using System.ComponentModel;
using GraphQlRegistry.AccessLog.Analysis.Anomalies;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>Writes the one-file HTML report: accesses flagged by citizens, volumes, heat map, denials, top organisations, anomalies, chain status.</summary>
public sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : AuditSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("The HTML file to write.")]
        public string? Out { get; set; }

        [CommandOption("--since <TIME>")]
        [Description("Report on entries from this time on (default 30d).")]
        public string Since { get; set; } = "30d";

        public DateTimeOffset SinceTime => TimeArgument.ParseOrNull(Since) ?? DateTimeOffset.UtcNow;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out FILE is required.")
            : !TimeArgument.TryParse(Since, out _) ? ValidationResult.Error($"--since '{Since}' is not a time: use 2026-11-01, 2026-11-01T08:00:00+07:00 or 7d.")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        await session.RecordReadAsync("audit report", null, cancellationToken);
        var data = settings.Json
            ? await ReportData.ReadAsync(session.Log, session.Settings.Checkpoints(), settings.SinceTime, new AnomalyOptions(), cancellationToken)
            : await AnsiConsole.Status().StartAsync("Reading the log…", _ => ReportData.ReadAsync(session.Log, session.Settings.Checkpoints(), settings.SinceTime, new AnomalyOptions(), cancellationToken));
        await File.WriteAllTextAsync(settings.Out!, HtmlReport.Render(data), cancellationToken);
        if (settings.Json)
        {
            Output.CliJson.Write(new { @out = Path.GetFullPath(settings.Out!), chainOk = data.Chain.Ok, flagged = data.Flagged.Count, findings = data.Findings.Count });
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"Wrote [green]{Path.GetFullPath(settings.Out!)}[/]: chain {(data.Chain.Ok ? "intact" : "BROKEN")}, {data.Flagged.Count} access(es) flagged by citizens, {data.Findings.Count} finding(s).");
        }

        return 0;
    }
}
