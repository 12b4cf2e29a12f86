using GraphQlRegistry.Cli.Commands;
using GraphQlRegistry.Cli.Commands.Audit;
using GraphQlRegistry.Cli.Commands.Grants;
using GraphQlRegistry.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("registry");
    config.SetExceptionHandler((exception, _) => exception switch
    {
        CommandFailure failure => CliErrors.Fail(failure.Message),
        CommandAppException usage => CliErrors.Fail(usage.Message) + 1,
        _ => Crash(exception),
    });
    config.AddCommand<TokenCommand>("token").WithDescription("Mint a development bearer token.");
    config.AddCommand<SeedCommand>("seed").WithDescription("Create and seed a SQLite registry with demo data.");
    config.AddCommand<SampleCitizenCommand>("sample-citizen").WithDescription("Print a demo citizen's personal id.");
    config.AddCommand<MigrateCommand>("migrate").WithDescription("Apply pending migrations to the registry and the access log.");
    config.AddCommand<SchemaCommand>("schema").WithDescription("Print the SDL as a caller class sees it (--as ORG_TYPE, --granted-by AUTHORITY).");
    config.AddBranch("grants", grants =>
    {
        grants.SetDescription("List, issue and revoke grants with the API's competence rules.");
        grants.AddCommand<ListCommand>("list").WithDescription("Organisations' grants and whether each counts now.");
        grants.AddCommand<IssueCommand>("issue").WithDescription("Issue a grant as a granting officer (--authority, --unit).");
        grants.AddCommand<RevokeCommand>("revoke").WithDescription("Revoke a grant as its issuing officer.");
    });
    config.AddBranch("audit", audit =>
    {
        audit.SetDescription("Analyse the per-field access log. Every audit command is itself recorded in the log.");
        audit.AddCommand<TopCommand>("top").WithDescription("The most entries by organisation, organisation type, field or decision.")
            .WithExample("audit", "top", "--by", "field", "--since", "7d");
        audit.AddCommand<CitizenCommand>("citizen").WithDescription("Who read this person's record, field by field, newest first.");
        audit.AddCommand<OrgCommand>("org").WithDescription("What one organisation read, by field and by day, with its denials.");
        audit.AddCommand<VerifyCommand>("verify").WithDescription("Recompute the hash chain; exit code 1 and the first broken entry when it was tampered with.");
        audit.AddCommand<ExportCommand>("export").WithDescription("Stream entries as JSON Lines or CSV.");
        audit.AddCommand<AnomaliesCommand>("anomalies").WithDescription("Volume spikes, denied-field probing, off-hours bulk reads, citizens read by many organisations.");
        audit.AddCommand<ReportCommand>("report").WithDescription("Write a self-contained HTML report (inline SVG, no network, printable).");
        audit.AddCommand<GenerateCommand>("generate").IsHidden();
        audit.AddCommand<FeesCommand>("fees").WithDescription("A month's per-organisation statement of information fields served and fees owed.");
    });
});
return await app.RunAsync(args);

static int Crash(Exception exception)
{
    AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
    AnsiConsole.WriteException(exception, ExceptionFormats.ShortenEverything);
    return 3;
}
