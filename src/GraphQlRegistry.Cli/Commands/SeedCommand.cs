using System.ComponentModel;
using System.Diagnostics;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>Creates a SQLite registry and fills it with demo data, showing progress; a million citizens take well under two minutes.</summary>
public sealed class SeedCommand : AsyncCommand<SeedCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--citizens <N>")]
        public int Citizens { get; set; } = DemoDataOptions.DefaultCitizens;

        [CommandOption("--seed <N>")]
        [Description("The random seed; the same seed gives the same data.")]
        public int Seed { get; set; } = DemoDataOptions.DefaultSeed;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetFullPath(settings.DataDirectory));
        await using var db = settings.OpenRegistry();
        await DatabaseSchema.MigrateAsync(db, cancellationToken);

        var rules = new SchemaRules(SchemaRules.EmbeddedSdl()).Table;
        var seeder = new DemoDataSeeder(db, RegistryStartup.GrantableFieldsOf(rules));
        if (await seeder.IsSeededAsync(cancellationToken))
        {
            AnsiConsole.MarkupLine("[yellow]The registry is already seeded; delete the data directory to start over.[/]");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Citizens", maxValue: settings.Citizens);
            await seeder.SeedAsync(new DemoDataOptions(settings.Citizens, settings.Seed),
                new Progress<SeedProgress>(p => task.Value = p.Written), cancellationToken);
            task.Value = settings.Citizens;
        });
        AnsiConsole.MarkupLine($"Seeded [green]{settings.Citizens:N0}[/] citizens in [green]{stopwatch.Elapsed.TotalSeconds:F1} s[/].");
        return 0;
    }
}
