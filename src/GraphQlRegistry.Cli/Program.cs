using GraphQlRegistry.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("registry");
    config.AddCommand<TokenCommand>("token").WithDescription("Mint a development bearer token.");
    config.AddCommand<SeedCommand>("seed").WithDescription("Create and seed a SQLite registry with demo data.");
    config.AddCommand<SampleCitizenCommand>("sample-citizen").WithDescription("Print a demo citizen's personal id.");
    config.AddCommand<VerifyLogCommand>("verify-log").WithDescription("Recompute the access log's hash chain.");
    config.AddCommand<MigrateCommand>("migrate").WithDescription("Apply pending migrations to the registry and the access log.");
});
return await app.RunAsync(args);
