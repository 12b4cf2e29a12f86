using Microsoft.EntityFrameworkCore;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>Prints the personal id of a demo citizen that has parents, a spouse or a household head to look at.</summary>
public sealed class SampleCitizenCommand : AsyncCommand<DataSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DataSettings settings, CancellationToken cancellationToken)
    {
        await using var db = settings.OpenRegistry();
        var id = await db.Citizens.Where(c => c.FatherId != null).OrderBy(c => c.PersonalId).Select(c => c.PersonalId).FirstOrDefaultAsync(cancellationToken);
        Console.WriteLine(id ?? "no demo citizens yet: start the server once");
        return id is null ? 1 : 0;
    }
}
