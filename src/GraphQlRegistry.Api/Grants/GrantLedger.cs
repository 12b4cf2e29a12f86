using System.Security.Cryptography;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
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
/// Issuing and revoking grants, for every entry point (the GraphQL mutations, the <c>registry grants</c> CLI).
/// Issuance is refused, with nothing written, unless the officer's authority is competent for the grantee under the
/// stored competence table (the policy decides); only the issuing authority may revoke.
/// </summary>
public sealed class GrantLedger(
    IDbContextFactory<RegistryDbContext> contexts,
    CompetenceTable competence,
    SchemaRules rules,
    UnitDirectory units,
    Grantees grantees,
    TimeProvider clock)
{
    private const int MaxPurposeLength = 500;

    public async Task<GrantChange> IssueAsync(GrantingOfficerCaller officer, IssueGrantInput input, CancellationToken cancellationToken)
    {
        var invalid = Validate(input);
        if (invalid is not null)
        {
            return GrantChange.Refused(ErrorCode.InvalidArgument, invalid);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // An unknown grantee gets the answer of one outside the officer's unit, so issuance tells no one who exists.
        var grantee = await GranteeAsync(db, input, cancellationToken);
        if (grantee is null || !competence.IsCompetent(officer.Authority, units.AuthorityUnitOf(officer.UnitCode), grantee))
        {
            return GrantChange.Refused(ErrorCode.AuthorityNotCompetent);
        }

        var unreadable = input.Fields.Where(f => !EntitlementPolicy.Admits(grantee.Type, officer.Authority, rules.Table[f])).ToList();
        if (unreadable.Count > 0)
        {
            return GrantChange.Refused(ErrorCode.InvalidArgument, $"This grantee may never read: {string.Join(", ", unreadable)}.");
        }

        var grant = new Grant
        {
            Id = NewGrantId(),
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
        await db.SaveChangesAsync(cancellationToken);
        return GrantChange.Done(grant);
    }

    public async Task<GrantChange> RevokeAsync(GrantingOfficerCaller officer, string grantId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken);
        if (grant is null)
        {
            return GrantChange.Refused(ErrorCode.GrantNotFound);
        }

        if (grant.Authority != officer.Authority || grant.AuthorityUnitCode != officer.UnitCode)
        {
            return GrantChange.Refused(ErrorCode.NotIssuingAuthority);
        }

        grant.RevokedAt ??= clock.GetUtcNow();
        grant.RevocationReason ??= reason;
        await db.SaveChangesAsync(cancellationToken);
        return GrantChange.Done(grant);
    }

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

    /// <summary>
    /// A new grant id that the access log records as it is: hexadecimal can hold twelve digits in a row (about one id
    /// in 25), which the log redacts as a personal id wherever the id appears in a path; such a draw is drawn again.
    /// </summary>
    internal static string NewGrantId()
    {
        while (true)
        {
            var id = "grant-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            if (CallerText.Clean(id, CallerText.PathMaxLength) == id)
            {
                return id;
            }
        }
    }
}

/// <summary>The outcome of an issuance or revocation: the grant as stored, or the refusal's code and detail (nothing written).</summary>
public sealed record GrantChange(Grant? Grant, ErrorCode? Refusal, string? Detail)
{
    public static GrantChange Done(Grant grant) => new(grant, null, null);

    public static GrantChange Refused(ErrorCode code, string? detail = null) => new(null, code, detail);
}
