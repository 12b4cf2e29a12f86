using GraphQlRegistry.AccessLog.Chain;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>Walks the access log's hash chain; exits 2 and names the first broken entry when it finds tampering.</summary>
public sealed class VerifyLogCommand : AsyncCommand<DataSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DataSettings settings, CancellationToken cancellationToken)
    {
        await using var db = settings.OpenAccessLog();
        var result = await ChainVerifier.VerifyAsync(db, cancellationToken);

        var table = new Table().AddColumns("ok", "entries checked", "first broken entry", "reason");
        table.AddRow(result.Ok ? "[green]yes[/]" : "[red]NO[/]", result.EntriesChecked.ToString("N0"),
            result.FirstBrokenSequence?.ToString() ?? "-", result.Break?.ToString() ?? "-");
        AnsiConsole.Write(table);
        return result.Ok ? 0 : 2;
    }
}
