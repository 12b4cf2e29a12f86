using System.ComponentModel;
using GraphQlRegistry.Api.Grants;
using GraphQlRegistry.Cli.Auditing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Grants;

/// <summary>Revokes a grant through the API's <see cref="GrantLedger"/>: only the issuing authority and unit may.</summary>
public sealed class RevokeCommand : AsyncCommand<RevokeCommand.Settings>
{
    public sealed class Settings : OfficerSettings
    {
        [CommandArgument(0, "<GRANT_ID>")]
        public string GrantId { get; set; } = string.Empty;

        [CommandOption("--reason <TEXT>")]
        public string? Reason { get; set; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Reason) ? ValidationResult.Error("--reason is required.") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = RegistryHost.Build(settings);
        var change = await services.GetRequiredService<GrantLedger>().RevokeAsync(settings.Officer(), settings.GrantId, settings.Reason!, cancellationToken);
        var grant = GrantOutput.Applied(change);
        await using (var session = await AuditSession.OpenAsync(settings, cancellationToken))
        {
            await session.RecordReadAsync("grants revoke", null, cancellationToken);
        }

        GrantOutput.Write(settings.Json, grant, "Revoked");
        return 0;
    }
}
