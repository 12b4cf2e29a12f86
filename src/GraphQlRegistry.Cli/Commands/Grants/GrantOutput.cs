using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Grants;
using GraphQlRegistry.Cli.Output;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Grants;
using Spectre.Console;

namespace GraphQlRegistry.Cli.Commands.Grants;

public static class GrantOutput
{
    /// <summary>The grant as stored, or the ledger's refusal as the command's failure (its API error code and detail).</summary>
    public static Grant Applied(GrantChange change) =>
        change.Grant ?? throw new CommandFailure($"{change.Refusal!.Value.Wire()}{(change.Detail is { } detail ? ": " + detail : "")}");

    public static void Write(bool json, Grant grant, string verb)
    {
        var view = View(grant, null);
        if (json)
        {
            CliJson.Write(view);
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"{verb} grant [green]{grant.Id}[/] for {view.Holder}: {grant.FieldList.Count} field(s), {grant.ValidFrom:u} – {grant.ValidTo:u}.");
    }

    public static GrantView View(Grant grant, GrantStatus? status) => new(
        grant.Id,
        grant.OrganizationId ?? Masked(grant.CitizenPersonalId),
        Wire.Name(grant.Authority),
        grant.AuthorityUnitCode,
        grant.ValidFrom,
        grant.ValidTo,
        status,
        grant.ScopeUnitCode,
        grant.FieldList);

    /// <summary>A citizen grantee's id is shown as the API masks ids: only its last four digits.</summary>
    private static string Masked(string? personalId) => personalId is { Length: 12 } ? "citizen ********" + personalId[^4..] : "citizen";
}

/// <summary>A grant as shown; <see cref="Status"/> is whether it counts now, judged as the server judges it at each request.</summary>
public sealed record GrantView(
    string Id, string Holder, string Authority, string? AuthorityUnit, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, GrantStatus? Status, string? Scope, IReadOnlyList<string> Fields);
