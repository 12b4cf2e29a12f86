using System.ComponentModel;
using GraphQlRegistry.Api.Grants;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Cli.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Grants;

/// <summary>Issues a grant through the API's <see cref="GrantLedger"/>: the same competence and field rules as <c>issueGrant</c>.</summary>
public sealed class IssueCommand : AsyncCommand<IssueCommand.Settings>
{
    public sealed class Settings : OfficerSettings
    {
        [CommandOption("--org <ID>")]
        public string? Organization { get; set; }

        [CommandOption("--citizen <PERSONAL_ID>")]
        [Description("A citizen grantee (own record only).")]
        public string? Citizen { get; set; }

        [CommandOption("--fields <COORDINATES>")]
        [Description("Comma-separated field coordinates, e.g. Citizen.fullName,Citizen.dateOfBirth.")]
        public string Fields { get; set; } = string.Empty;

        [CommandOption("--from <TIME>")]
        [Description("Valid from (default now).")]
        public string? From { get; set; }

        [CommandOption("--to <TIME>")]
        [Description("Valid until (default one year from now).")]
        public string? To { get; set; }

        [CommandOption("--scope <CODE>")]
        [Description("Restrict to citizens of this province, district or commune.")]
        public string? Scope { get; set; }

        public override ValidationResult Validate()
        {
            foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
            {
                if (value is not null && !TimeArgument.TryParse(value, out _))
                {
                    return ValidationResult.Error($"{name} '{value}' is not a time: use 2026-11-01 or 2026-11-01T08:00:00+07:00.");
                }
            }

            return string.IsNullOrWhiteSpace(Fields) ? ValidationResult.Error("--fields is required.") : base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = RegistryHost.Build(settings);
        var now = DateTimeOffset.UtcNow;
        var input = new IssueGrantInput
        {
            OrganizationId = settings.Organization,
            CitizenPersonalId = settings.Citizen,
            Fields = settings.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            ValidFrom = TimeArgument.ParseOrNull(settings.From) ?? now,
            ValidTo = TimeArgument.ParseOrNull(settings.To) ?? now.AddYears(1),
            ScopeUnitCode = settings.Scope,
            Purpose = settings.Purpose,
        };
        var change = await services.GetRequiredService<GrantLedger>().IssueAsync(settings.Officer(), input, cancellationToken);
        var grant = GrantOutput.Applied(change);
        await using (var session = await AuditSession.OpenAsync(settings, cancellationToken))
        {
            await session.RecordReadAsync("grants issue", null, cancellationToken);
        }

        GrantOutput.Write(settings.Json, grant, "Issued");
        return 0;
    }
}
