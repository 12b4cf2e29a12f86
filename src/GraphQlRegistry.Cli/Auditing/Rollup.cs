using GraphQlRegistry.AccessLog.Rollups;
using Spectre.Console;

namespace GraphQlRegistry.Cli.Auditing;

/// <summary>Brings the daily rollup up to date, with a progress bar when a person is watching (the first run over a large log counts it all).</summary>
public static class Rollup
{
    public static async Task CatchUpAsync(DailyCounts counts, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await counts.CatchUpAsync(null, cancellationToken);
            return;
        }

        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Counting new entries into the daily rollup");
            await counts.CatchUpAsync(new Progress<RollupProgress>(p =>
            {
                task.MaxValue = p.Head;
                task.Value = p.Counted;
            }), cancellationToken);
            task.Value = task.MaxValue;
        });
    }
}
