using GraphQlRegistry.Data.Units;
using System.ComponentModel;
using GraphQlRegistry.Api.Grants;
using GraphQlRegistry.Cli.Output;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Grants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Grants;

/// <summary>Organisations' grants with whether each counts now, judged by the policy with the stored competence table, as at each request.</summary>
public sealed class ListCommand : AsyncCommand<ListCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--org <ID>")]
        [Description("Only this organisation's grants.")]
        public string? Organization { get; set; }

        [CommandOption("--json")]
        [Description("Write JSON to standard output, for scripts.")]
        public bool Json { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = RegistryHost.Build(settings);
        await using var db = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => settings.Organization == null || o.Id == settings.Organization)
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        if (settings.Organization is { } wanted && organizations.Count == 0)
        {
            throw new CommandFailure($"No organisation '{wanted}' is registered.");
        }

        var ids = organizations.Keys.ToArray();
        var grants = (await db.Grants.AsNoTracking().Where(g => g.OrganizationId != null && ids.Contains(g.OrganizationId)).ToListAsync(cancellationToken))
            .OrderBy(g => g.OrganizationId, StringComparer.Ordinal).ThenByDescending(g => g.IssuedAt).ToList();
        var competence = services.GetRequiredService<CompetenceTable>();
        var grantees = services.GetRequiredService<Grantees>();
        var units = services.GetRequiredService<UnitDirectory>();
        var now = DateTimeOffset.UtcNow;
        var views = grants.Select(g => GrantOutput.View(g, GrantValidity.Evaluate(
            new GrantTerms(g.Authority, units.AuthorityUnitOf(g.AuthorityUnitCode), g.ValidFrom, g.ValidTo, g.RevokedAt), grantees.Of(organizations[g.OrganizationId!]), competence, now))).ToList();

        if (settings.Json)
        {
            CliJson.Write(views);
            return 0;
        }

        var table = new Table().Title("Organisations' grants").AddColumns("grant", "holder", "authority", "unit", "valid", "status", "scope", "fields");
        foreach (var view in views)
        {
            table.AddRow(Markup.Escape(view.Id), Markup.Escape(view.Holder), view.Authority, view.AuthorityUnit ?? "-",
                $"{view.ValidFrom:yyyy-MM-dd} – {view.ValidTo:yyyy-MM-dd}", view.Status == GrantStatus.Valid ? "[green]VALID[/]" : $"[red]{Wire.Name(view.Status)}[/]",
                view.Scope ?? "nationwide", view.Fields.Count.ToString());
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
