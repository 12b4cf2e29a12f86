using System.ComponentModel;
using GraphQlRegistry.Api.Authentication;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>Mints an HS256 token with the development key, for an organisation, a citizen, an auditor or a granting officer.</summary>
public sealed class TokenCommand : Command<TokenCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--org <ID>")]
        [Description("Organisation id, e.g. demo-credit-institution.")]
        public string? Organization { get; set; }

        [CommandOption("--citizen <PERSONAL_ID>")]
        public string? Citizen { get; set; }

        [CommandOption("--auditor")]
        public bool Auditor { get; set; }

        [CommandOption("--authority <AUTHORITY>")]
        [Description("Granting officer: NPD_AGENCY_HEAD, PROVINCIAL_POLICE_DIRECTOR, DISTRICT_POLICE_CHIEF or COMMUNE_POLICE_CHIEF.")]
        public string? Authority { get; set; }

        [CommandOption("--unit <CODE>")]
        public string? Unit { get; set; }

        [CommandOption("--channel <CHANNEL>")]
        public string Channel { get; set; } = "NATIONAL_PORTAL";

        [CommandOption("--purpose <TEXT>")]
        public string? Purpose { get; set; }

        [CommandOption("--minutes <N>")]
        public int Minutes { get; set; } = 60;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var registry = settings.Resolve();
        var claims = new Dictionary<string, object> { [RegistryClaims.Subject] = settings.Organization ?? settings.Authority ?? (settings.Auditor ? "auditor" : "citizen") };
        if (settings.Organization is { } organization)
        {
            claims[RegistryClaims.OrganizationId] = organization;
            claims[RegistryClaims.Channel] = settings.Channel;
        }

        if (settings.Citizen is { } citizen)
        {
            claims[RegistryClaims.PersonalId] = citizen;
            claims[RegistryClaims.Channel] = settings.Channel;
        }

        if (settings.Auditor)
        {
            claims[RegistryClaims.Roles] = new[] { RegistryClaims.AuditorRole };
        }

        if (settings.Authority is { } authority)
        {
            claims[RegistryClaims.Authority] = authority;
            if (settings.Unit is { } unit)
            {
                claims[RegistryClaims.UnitCode] = unit;
            }
        }

        if (settings.Purpose is { } purpose)
        {
            claims[RegistryClaims.Purpose] = purpose;
        }

        var jwt = registry.Options.Jwt;
        Console.WriteLine(DevelopmentTokens.Mint(registry.JwtSigningKey, jwt.Issuer, jwt.Audience, claims, TimeSpan.FromMinutes(settings.Minutes)));
        return 0;
    }
}
