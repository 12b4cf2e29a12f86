using System.ComponentModel;
using System.Globalization;
using GraphQlRegistry.AccessLog.Analysis.Fees;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using GraphQlRegistry.Policy.Fees;
using GraphQlRegistry.Policy.Organizations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>A month's statement per organisation: information fields served (revealed or masked), exemptions, what each owes, totals.</summary>
public sealed class FeesCommand : AsyncCommand<FeesCommand.Settings>
{
    public sealed class Settings : AuditSettings
    {
        [CommandOption("--month <YYYY-MM>")]
        [Description("The UTC calendar month, e.g. 2026-11.")]
        public string? Month { get; set; }

        [CommandOption("--rate <VND>")]
        [Description("Price of one information field in VND (default 1000, the published NPD fee).")]
        public decimal Rate { get; set; } = FeeSchedule.PublishedRatePerField;

        [CommandOption("--exempt <ORG_TYPE>")]
        [Description("An exempt organisation type; repeat for several. Default: the state bodies and CITIZEN. --exempt NONE charges everyone.")]
        public string[]? Exempt { get; set; }

        [CommandOption("--csv")]
        [Description("Write the statement as CSV to standard output.")]
        public bool Csv { get; set; }

        public DateOnly MonthStart => DateOnly.ParseExact(Month! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public FeeSchedule Schedule => new(Rate, Exempt is null ? FeeSchedule.DefaultExemptions
            : OrganizationTypeSet.Of(Exempt.Where(name => name != "NONE").Select(name => WireEnum<OrganizationType>.TryParse(name, out var type) ? type : default)));

        public override ValidationResult Validate()
        {
            if (Month is null || !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || Month.Length != 7)
            {
                return ValidationResult.Error($"--month '{Month}' is not a month: use YYYY-MM, e.g. 2026-11.");
            }

            if (Rate < 0)
            {
                return ValidationResult.Error("--rate must not be negative.");
            }

            var unknown = (Exempt ?? []).Where(name => name != "NONE" && !WireEnum<OrganizationType>.TryParse(name, out _)).ToList();
            return unknown.Count > 0
                ? ValidationResult.Error($"Unknown organisation type(s) for --exempt: {string.Join(", ", unknown)}.")
                : Json && Csv ? ValidationResult.Error("Choose --json or --csv, not both.") : base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var session = await AuditSession.OpenAsync(settings, cancellationToken);
        await session.RecordReadAsync("audit fees", null, cancellationToken);
        var counts = new HourlyCounts(session.Log);
        var statement = await FeeStatement.BuildAsync(counts, settings.MonthStart, settings.Schedule, cancellationToken);
        var names = await OrganizationNames.OfAsync(settings, statement.Lines.Select(l => l.OrganizationId), cancellationToken);

        if (settings.Json)
        {
            CliJson.Write(new
            {
                month = settings.Month,
                currency = "VND",
                ratePerField = statement.RatePerField,
                exemptTypes = settings.Schedule.ExemptTypes.Members,
                lines = statement.Lines.Select(l => new
                {
                    l.OrganizationId, organizationName = names.GetValueOrDefault(l.OrganizationId), l.OrganizationType,
                    l.Revealed, l.Masked, l.Fields, l.Exempt, l.Amount,
                }),
                totalFields = statement.TotalFields,
                totalAmount = statement.TotalAmount,
            });
            return 0;
        }

        if (settings.Csv)
        {
            Console.Out.Write("month,organizationId,organizationName,organizationType,revealed,masked,fields,exempt,amountVnd\r\n");
            foreach (var l in statement.Lines)
            {
                Console.Out.Write(Output.Csv.Row([settings.Month, l.OrganizationId, names.GetValueOrDefault(l.OrganizationId), Wire.Name(l.OrganizationType),
                    Invariant(l.Revealed), Invariant(l.Masked), Invariant(l.Fields), l.Exempt ? "true" : "false", Invariant(l.Amount)]) + "\r\n");
            }

            Console.Out.Write(Output.Csv.Row([settings.Month, "TOTAL", null, null, null, null, Invariant(statement.TotalFields), null, Invariant(statement.TotalAmount)]) + "\r\n");
            return 0;
        }

        var table = new Table().Title($"Information fields served in {settings.Month}, at {statement.RatePerField:N0} VND per field")
            .AddColumns("organisation", "type", "revealed", "masked", "fields", "exempt", "amount (VND)");
        foreach (var l in statement.Lines)
        {
            table.AddRow(Markup.Escape(names.GetValueOrDefault(l.OrganizationId) ?? l.OrganizationId), Wire.Name(l.OrganizationType), l.Revealed.ToString("N0"),
                l.Masked.ToString("N0"), l.Fields.ToString("N0"), l.Exempt ? "yes" : "", l.Amount.ToString("N0"));
        }

        table.AddRow("[bold]Total[/]", "", "", "", $"[bold]{statement.TotalFields:N0}[/]", "", $"[bold]{statement.TotalAmount:N0}[/]");
        AnsiConsole.Write(table);
        return 0;
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
