using System.ComponentModel;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Cli.Auditing;
using GraphQlRegistry.Policy.Grants;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Grants;

/// <summary>The granting officer a change is made as: an authority and the unit it heads, as a token's claims would say.</summary>
public class OfficerSettings : AuditSettings
{
    [CommandOption("--authority <AUTHORITY>")]
    [Description("NPD_AGENCY_HEAD, PROVINCIAL_POLICE_DIRECTOR, DISTRICT_POLICE_CHIEF or COMMUNE_POLICE_CHIEF.")]
    public string? Authority { get; set; }

    [CommandOption("--unit <CODE>")]
    [Description("The administrative unit the authority heads (none for NPD_AGENCY_HEAD).")]
    public string? Unit { get; set; }

    public GrantingOfficerCaller Officer() => new(
        "cli:" + Environment.UserName, Purpose, WireEnum<GrantingAuthority>.TryParse(Authority, out var authority) ? authority : default, Unit);

    public override ValidationResult Validate() =>
        !WireEnum<GrantingAuthority>.TryParse(Authority, out _)
            ? ValidationResult.Error($"--authority '{Authority}' is not a granting authority: use {string.Join(", ", Enum.GetValues<GrantingAuthority>().Select(a => WireEnum<GrantingAuthority>.Name(a)))}.")
            : base.Validate();
}
