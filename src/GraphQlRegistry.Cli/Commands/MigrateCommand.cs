using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>
/// Applies the configured provider's pending migrations to the registry and the access log: the release step of a
/// deployment that runs with <c>Registry:Database:MigrateOnStartup=false</c>. Settings come from the environment,
/// as the server's do (<c>Registry__Database__Provider</c>, <c>ConnectionStrings__Registry</c>).
/// </summary>
public sealed class MigrateCommand : AsyncCommand<DataSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DataSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Resolve().Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(settings.DataDirectory));
        }

        var table = new Table().AddColumns("store", "migrations applied now");
        await using (var registry = settings.OpenRegistry())
        {
            table.AddRow("registry", await MigrateAsync(registry, cancellationToken));
        }

        await using (var log = settings.OpenAccessLog())
        {
            table.AddRow("access log", await MigrateAsync(log, cancellationToken));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static async Task<string> MigrateAsync(DbContext store, CancellationToken cancellationToken)
    {
        var pending = await DatabaseSchema.PendingMigrationsAsync(store, cancellationToken);
        await DatabaseSchema.MigrateAsync(store, cancellationToken);
        return pending.Count == 0 ? "none (up to date)" : string.Join(", ", pending);
    }
}
