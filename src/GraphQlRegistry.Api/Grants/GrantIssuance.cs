using System.Security.Cryptography;
using GraphQL;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using GraphQlRegistry.Policy.Citizens;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Grants;

/// <summary>
/// Issuing and revoking grants. Issuance is refused, with nothing written, unless the officer's authority is
/// competent for the grantee under the stored competence table; only the issuing authority may revoke.
/// </summary>
public sealed class GrantIssuance(
    IDbContextFactory<RegistryDbContext> contexts,
    CompetenceTable competence,
    SchemaRules rules,
    UnitDirectory units,
    Grantees grantees,
    CitizenPseudonym pseudonym,
    TimeProvider clock)
{
    private static readonly FieldDecision Administered = FieldDecision.Revealed(DecisionReason.RuleMatched);

    private const int MaxPurposeLength = 500;

    public async Task<Grant> IssueAsync(IResolveFieldContext context, IssueGrantInput input)
    {
        var officer = context.Require<GrantingOfficerCaller>();
        var invalid = Validate(input);
        if (invalid is not null)
        {
            throw RegistryError.At(ErrorCode.InvalidArgument, context, invalid);
        }

        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        // An unknown grantee gets the answer of one outside the officer's unit, so issuance tells no one who exists.
        var grantee = await GranteeAsync(db, input, context.CancellationToken);
        if (grantee is null || !competence.IsCompetent(officer.Authority, units.AuthorityUnitOf(officer.UnitCode), grantee))
        {
            throw RegistryError.At(ErrorCode.AuthorityNotCompetent, context);
        }

        var unreadable = input.Fields.Where(f => !EntitlementPolicy.Admits(grantee.Type, officer.Authority, rules.Table[f])).ToList();
        if (unreadable.Count > 0)
        {
            throw RegistryError.At(ErrorCode.InvalidArgument, context, $"This grantee may never read: {string.Join(", ", unreadable)}.");
        }

        var grant = new Grant
        {
            Id = "grant-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            OrganizationId = input.OrganizationId,
            CitizenPersonalId = input.CitizenPersonalId,
            Authority = officer.Authority,
            AuthorityUnitCode = officer.UnitCode,
            IssuedAt = clock.GetUtcNow(),
            ValidFrom = input.ValidFrom.ToUniversalTime(),
            ValidTo = input.ValidTo.ToUniversalTime(),
            Fields = Grant.JoinFields(input.Fields.Distinct()),
            ScopeUnitCode = input.ScopeUnitCode,
            Purpose = input.Purpose,
        };
        db.Grants.Add(grant);
        await db.SaveChangesAsync(context.CancellationToken);
        RecordAdministration(context, grant);
        return grant;
    }

    public async Task<Grant> RevokeAsync(IResolveFieldContext context, string grantId, string reason)
    {
        var officer = context.Require<GrantingOfficerCaller>();
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == grantId, context.CancellationToken)
            ?? throw RegistryError.At(ErrorCode.GrantNotFound, context);
        if (grant.Authority != officer.Authority || grant.AuthorityUnitCode != officer.UnitCode)
        {
            throw RegistryError.At(ErrorCode.NotIssuingAuthority, context);
        }

        grant.RevokedAt ??= clock.GetUtcNow();
        grant.RevocationReason ??= reason;
        await db.SaveChangesAsync(context.CancellationToken);
        RecordAdministration(context, grant);
        return grant;
    }

    /// <summary>Grant administration is logged too: which grant, and the citizen it concerns (by pseudonym) if any.</summary>
    private void RecordAdministration(IResolveFieldContext context, Grant grant) =>
        context.RequestContext().Record(grant.CitizenPersonalId is { } citizen ? pseudonym.Of(citizen) : null,
            $"{context.ParentType.Name}.{context.FieldDefinition.Name}", $"{context.ResponsePathText()}({grant.Id})", Administered);

    private string? Validate(IssueGrantInput input)
    {
        if ((input.OrganizationId is null) == (input.CitizenPersonalId is null))
        {
            return "Name exactly one grantee: organizationId or citizenPersonalId.";
        }

        if (input.CitizenPersonalId is not null && !PersonalId.IsWellFormed(input.CitizenPersonalId))
        {
            return "citizenPersonalId must be 12 digits.";
        }

        if (input.ValidTo <= input.ValidFrom)
        {
            return "validTo must be after validFrom.";
        }

        var unknown = input.Fields.Where(f => rules.Table.Find(f) is not { IsGrantable: true }).ToList();
        if (input.Fields.Count == 0 || unknown.Count > 0)
        {
            return $"Fields must be grantable field coordinates; unknown: {string.Join(", ", unknown)}.";
        }

        if (input.ScopeUnitCode is { } scope && !units.Exists(scope))
        {
            return "scopeUnitCode is not a known administrative unit.";
        }

        return input.Purpose is { Length: > MaxPurposeLength } ? $"purpose is at most {MaxPurposeLength} characters." : null;
    }

    private async Task<Grantee?> GranteeAsync(RegistryDbContext db, IssueGrantInput input, CancellationToken cancellationToken)
    {
        if (input.OrganizationId is { } organizationId)
        {
            var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
            return organization is null ? null : grantees.Of(organization);
        }

        return await grantees.CitizenAsync(db, input.CitizenPersonalId!, cancellationToken);
    }
}
