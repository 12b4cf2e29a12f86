using System.ComponentModel;
using GraphQlRegistry.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Auditing;

/// <summary>What every <c>registry audit</c> command takes: where the data is, JSON for scripts, and why you read.</summary>
public class AuditSettings : DataSettings
{
    [CommandOption("--json")]
    [Description("Write JSON to standard output instead of tables, for scripts.")]
    public bool Json { get; set; }

    [CommandOption("--purpose <TEXT>")]
    [Description("Why you are reading the log; recorded in the log with your read.")]
    public string? Purpose { get; set; }
}

/// <summary>An audit command over a time range: <c>--since</c> and <c>--until</c> (UTC dates, ISO times, or <c>7d</c> for seven days ago).</summary>
public class RangeSettings : AuditSettings
{
    [CommandOption("--since <TIME>")]
    [Description("From this time on (inclusive): 2026-11-01, 2026-11-01T08:00:00+07:00, or 7d for seven days ago.")]
    public string? Since { get; set; }

    [CommandOption("--until <TIME>")]
    [Description("Before this time (exclusive), in the same forms as --since.")]
    public string? Until { get; set; }

    public DateTimeOffset? SinceTime => TimeArgument.ParseOrNull(Since);

    public DateTimeOffset? UntilTime => TimeArgument.ParseOrNull(Until);

    public override ValidationResult Validate()
    {
        foreach (var (name, value) in new[] { ("--since", Since), ("--until", Until) })
        {
            if (value is not null && !TimeArgument.TryParse(value, out _))
            {
                return ValidationResult.Error($"{name} '{value}' is not a time: use 2026-11-01, 2026-11-01T08:00:00+07:00 or 7d.");
            }
        }

        return SinceTime is { } since && UntilTime is { } until && since >= until
            ? ValidationResult.Error("--since must be before --until.")
            : base.Validate();
    }
}
