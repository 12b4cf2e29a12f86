using System.ComponentModel;
using System.Diagnostics;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>Streams entries, oldest first, as JSON Lines or CSV: one entry in memory at a time, however long the log.</summary>
public sealed class ExportCommand : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : RangeSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("jsonl (one JSON object per line) or csv.")]
        public string Format { get; set; } = "jsonl";

        [CommandOption("--out <FILE>")]
        [Description("Write to this file instead of standard output.")]
        public string? Out { get; set; }

        public override ValidationResult Validate() =>
            Format is not ("jsonl" or "csv") ? ValidationResult.Error($"Unknown --format '{Format}': use jsonl or csv.") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        await session.RecordReadAsync("audit export", null, cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        await using var output = settings.Out is { } path
            ? (Stream)new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)
            : new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        await using var writer = EntryWriter.For(settings.Format, output);
        var entries = new AccessLogReader(session.Log).StreamAsync(new AccessLogFilter(From: settings.SinceTime, To: settings.UntilTime));
        var written = 0L;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            writer.Write(entry);
            written++;
        }

        CliErrors.Note($"Exported {written:N0} entries in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
