using System.ComponentModel;
using GraphQL.Types;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Http;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands;

/// <summary>
/// The SDL as a caller class sees it at <c>GET /graphql/sdl</c>, printed by the API's <see cref="CallerSchema"/> for a
/// caller of that type holding a grant of every field its type may read under that authority.
/// </summary>
public sealed class SchemaCommand : AsyncCommand<SchemaCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--as <ORG_TYPE>")]
        [Description("An organisation type (CREDIT_INSTITUTION, CITIZEN, …) or AUDITOR. Without it, the reviewed SDL with its rules.")]
        public string? As { get; set; }

        [CommandOption("--granted-by <AUTHORITY>")]
        [Description("The grant's authority (default: the first the competence table allows for the type).")]
        public string? GrantedBy { get; set; }

        public override ValidationResult Validate() =>
            As is not null && As != "AUDITOR" && !WireEnum<OrganizationType>.TryParse(As, out _)
                ? ValidationResult.Error($"--as '{As}' is not an organisation type: use one of {string.Join(", ", Enum.GetValues<OrganizationType>().Select(t => WireEnum<OrganizationType>.Name(t)))} or AUDITOR.")
            : GrantedBy is not null && !WireEnum<GrantingAuthority>.TryParse(GrantedBy, out _)
                ? ValidationResult.Error($"--granted-by '{GrantedBy}' is not a granting authority.")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.As is null)
        {
            Console.Out.Write(SchemaRules.EmbeddedSdl());
            return 0;
        }

        await using var services = RegistryHost.Build(settings);
        services.GetRequiredService<ISchema>().Initialize();
        var caller = settings.As == "AUDITOR" ? new AuditorCaller("cli", null) : DataCallerOf(services, settings);
        Console.Out.Write(await services.GetRequiredService<CallerSchema>().PrintForAsync(caller, cancellationToken));
        return 0;
    }

    private static Caller DataCallerOf(IServiceProvider services, Settings settings)
    {
        WireEnum<OrganizationType>.TryParse(settings.As, out var type);
        var authority = settings.GrantedBy is { } named && WireEnum<GrantingAuthority>.TryParse(named, out var given) ? given
            : services.GetRequiredService<CompetenceTable>().AuthoritiesFor(type).Select(a => (GrantingAuthority?)a).FirstOrDefault()
              ?? throw new Output.CommandFailure($"No authority may grant to {settings.As}; name one with --granted-by.");
        var rules = services.GetRequiredService<RuleTable>();
        var fields = RegistryStartup.GrantableFieldsOf(rules)(type, authority);
        var now = DateTimeOffset.UtcNow;
        var grant = new ActiveGrant("schema-preview", authority, null, null, now, now.AddDays(1), null, rules.Grant(fields));
        return new DataCaller("cli", null, type, null, null, null, Channel.NationalPortal, grant, null, null);
    }
}
