using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>
/// Recomputes the hash chain with the verifier the API's <c>verifyAccessLog</c> runs; exits 1 and names the first
/// broken entry when the log was edited, cut or extended behind the writer's back.
/// </summary>
public sealed class VerifyCommand : AsyncCommand<AuditSettings>
{
    public const int Broken = 1;

    public override async Task<int> ExecuteAsync(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        await session.RecordReadAsync("audit verify", null, cancellationToken);
        var result = settings.Json
            ? await ChainVerifier.VerifyAsync(session.Log, session.Settings.Checkpoints(), cancellationToken)
            : await AnsiConsole.Status().StartAsync("Recomputing the hash chain…", _ => ChainVerifier.VerifyAsync(session.Log, session.Settings.Checkpoints(), cancellationToken));
        var broken = result.FirstBrokenSequence is { } sequence
            ? await session.Log.Requests.AsNoTracking().Where(r => r.Start <= sequence).OrderByDescending(r => r.Start)
                .Select(r => new { Sequence = sequence, r.TimeUnixMs, r.RequestId }).FirstOrDefaultAsync(cancellationToken)
            : null;

        if (settings.Json)
        {
            CliJson.Write(new
            {
                ok = result.Ok,
                entriesChecked = result.EntriesChecked,
                firstBrokenEntry = result.FirstBrokenSequence,
                reason = result.Break?.ToString(),
                brokenEntryTime = broken is null ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(broken.TimeUnixMs),
                brokenEntryRequestId = broken?.RequestId,
            });
        }
        else if (result.Ok)
        {
            AnsiConsole.MarkupLine($"[green]Chain intact:[/] {result.EntriesChecked:N0} entries checked.");
        }
        else
        {
            AnsiConsole.MarkupLine($"[red]Chain BROKEN at entry {result.FirstBrokenSequence}[/] ({result.Break}) after {result.EntriesChecked:N0} intact entries.");
            if (broken is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"Entry {broken.Sequence}: {DateTimeOffset.FromUnixTimeMilliseconds(broken.TimeUnixMs):u}, request {broken.RequestId}. Keep the store as evidence.");
            }
        }

        return result.Ok ? 0 : Broken;
    }
}
