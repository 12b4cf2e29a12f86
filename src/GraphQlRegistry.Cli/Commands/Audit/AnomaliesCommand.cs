using System.ComponentModel;
using GraphQlRegistry.AccessLog.Analysis.Anomalies;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>Accesses citizens flagged, then volume spikes, denied-field probing, off-hours bulk reads and crowded citizens, each with its evidence and a severity.</summary>
public sealed class AnomaliesCommand : AsyncCommand<AnomaliesCommand.Settings>
{
    public sealed class Settings : AuditSettings
    {
        private static readonly AnomalyOptions Defaults = new();

        [CommandOption("--since <TIME>")]
        [Description("Look at entries from this time on (default 30d: the last 30 days). Volume baselines also read the days before it.")]
        public string Since { get; set; } = "30d";

        [CommandOption("--factor <K>")]
        [Description("A day is a spike above K times the organisation's trailing median (default 3).")]
        public double Factor { get; set; } = Defaults.VolumeFactor;

        [CommandOption("--trailing-days <N>")]
        public int TrailingDays { get; set; } = Defaults.TrailingDays;

        [CommandOption("--min-daily-volume <N>")]
        [Description("Days with fewer entries are never spikes (default 100).")]
        public long MinimumDailyVolume { get; set; } = Defaults.MinimumDailyVolume;

        [CommandOption("--probe-denials <N>")]
        [Description("Denied fields by one caller within an hour that make a probe (default 20).")]
        public int ProbeDenials { get; set; } = Defaults.ProbeDenials;

        [CommandOption("--off-hours-citizens <N>")]
        [Description("Citizens one caller reads outside office hours (Asia/Ho_Chi_Minh) on one day that make a bulk read (default 50).")]
        public int OffHoursCitizens { get; set; } = Defaults.OffHoursCitizens;

        [CommandOption("--crowd-organizations <N>")]
        [Description("Organisations reading one citizen within an hour that make a crowd (default 4).")]
        public int CrowdOrganizations { get; set; } = Defaults.CrowdOrganizations;

        public DateTimeOffset SinceTime => TimeArgument.ParseOrNull(Since) ?? DateTimeOffset.UtcNow;

        public AnomalyOptions Options => Defaults with
        {
            VolumeFactor = Factor,
            TrailingDays = TrailingDays,
            MinimumDailyVolume = MinimumDailyVolume,
            ProbeDenials = ProbeDenials,
            OffHoursCitizens = OffHoursCitizens,
            CrowdOrganizations = CrowdOrganizations,
        };

        public override ValidationResult Validate() =>
            !TimeArgument.TryParse(Since, out _) ? ValidationResult.Error($"--since '{Since}' is not a time: use 2026-11-01, 2026-11-01T08:00:00+07:00 or 7d.")
            : Factor <= 1 ? ValidationResult.Error("--factor must be greater than 1.")
            : TrailingDays < 1 || ProbeDenials < 1 || OffHoursCitizens < 1 || CrowdOrganizations < 2 || MinimumDailyVolume < 0
                ? ValidationResult.Error("Thresholds must be positive (--crowd-organizations at least 2).")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        await session.RecordReadAsync("audit anomalies", null, cancellationToken);
        var findings = settings.Json
            ? await AnomalyScan.RunAsync(session.Log, settings.SinceTime, settings.Options, null, cancellationToken)
            : await AnsiConsole.Status().StartAsync("Scanning the log…", status =>
                AnomalyScan.RunAsync(session.Log, settings.SinceTime, settings.Options,
                    new Progress<long>(scanned => status.Status($"Scanning the log: {scanned:N0} entries")), cancellationToken));

        // Citizens' flags come first: a person saying "this was not me" outranks any statistical pattern.
        var flagged = await new AccessFlags(session.Log).FlaggedAccessesAsync(settings.SinceTime, cancellationToken);
        if (settings.Json)
        {
            CliJson.Write(new { since = settings.SinceTime, options = settings.Options, flagged = flagged.Select(FlaggedTable.Json), findings });
            return 0;
        }

        if (flagged.Count > 0)
        {
            AnsiConsole.Write(FlaggedTable.Of(flagged));
        }

        if (findings.Count == 0)
        {
            AnsiConsole.MarkupLine($"[green]No anomalies[/] since {settings.SinceTime:u}.");
            return 0;
        }

        AnsiConsole.Write(FindingsTable.Of(findings));
        return 0;
    }
}
