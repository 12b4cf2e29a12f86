using System.Security.Claims;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using GraphQlRegistry.Api.Grants;
using GraphQlRegistry.Policy.Citizens;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Callers;

/// <summary>
/// Establishes the caller of a request from its validated token and the registry. The token says who; the registry
/// says what they are: an organisation's type, level and place come from its stored record, and its grant is
/// re-evaluated (dates, revocation, competence) at every request, so a revocation bites on the next one.
/// </summary>
public sealed class CallerResolver(
    IDbContextFactory<RegistryDbContext> contexts,
    OrganizationRecordCache organizations,
    Grantees grantees,
    CompetenceTable competence,
    UnitDirectory units,
    RuleTable rules,
    CitizenPseudonym pseudonym,
    TimeProvider clock)
{
    public async Task<CallerResolution> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = user.FindFirstValue(RegistryClaims.Subject) ?? string.Empty;
        var purpose = user.FindFirstValue(RegistryClaims.Purpose);

        if (user.HasClaim(RegistryClaims.Roles, RegistryClaims.AuditorRole))
        {
            return new AuditorCaller(subject, purpose);
        }

        if (WireEnum<GrantingAuthority>.TryParse(user.FindFirstValue(RegistryClaims.Authority), out var authority))
        {
            return new GrantingOfficerCaller(subject, purpose, authority, user.FindFirstValue(RegistryClaims.UnitCode));
        }

        var hasChannel = WireEnum<Channel>.TryParse(user.FindFirstValue(RegistryClaims.Channel), out var channel);
        if (user.FindFirstValue(RegistryClaims.PersonalId) is { } personalId)
        {
            return await ResolveCitizenAsync(subject, purpose, personalId, hasChannel ? channel : null, cancellationToken);
        }

        if (user.FindFirstValue(RegistryClaims.OrganizationId) is { } organizationId)
        {
            return await ResolveOrganizationAsync(subject, purpose, organizationId, hasChannel ? channel : null, cancellationToken);
        }

        return new CallerRefusal(ErrorCode.NoValidGrant, subject, null, null, hasChannel ? channel : null, purpose);
    }

    private async Task<CallerResolution> ResolveOrganizationAsync(
        string subject, string? purpose, string organizationId, Channel? channel, CancellationToken cancellationToken)
    {
        var (_, organization, grants) = await organizations.ReadAsync(organizationId, cancellationToken);
        if (organization is null)
        {
            return new CallerRefusal(ErrorCode.NoValidGrant, subject, organizationId, null, channel, purpose);
        }

        CallerRefusal Refuse(ErrorCode code) => new(code, subject, organization.Id, organization.Type, channel, purpose);
        if (channel is not { } usedChannel || !ChannelPolicy.IsPermitted(organization.Type, usedChannel))
        {
            return Refuse(ErrorCode.ChannelNotPermitted);
        }

        var grantee = grantees.Of(organization);
        if (BestValidGrant(grants, grantee) is not { } grant)
        {
            return Refuse(ErrorCode.NoValidGrant);
        }

        return new DataCaller(subject, purpose, organization.Type, organization.Id, organization.Name, organization.Level, usedChannel, grant, null, null);
    }

    private async Task<CallerResolution> ResolveCitizenAsync(
        string subject, string? purpose, string personalId, Channel? channel, CancellationToken cancellationToken)
    {
        // A citizen is recorded by pseudonym only, even as the subject: their sub may well be their id.
        var wellFormed = PersonalId.IsWellFormed(personalId);
        var citizenRef = wellFormed ? pseudonym.Of(personalId) : "invalid-personal-id";
        CallerRefusal Refuse(ErrorCode code) => new(code, citizenRef, null, OrganizationType.Citizen, channel, purpose);

        if (channel is not { } usedChannel || !ChannelPolicy.IsPermitted(OrganizationType.Citizen, usedChannel))
        {
            return Refuse(ErrorCode.ChannelNotPermitted);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A citizen takes up to three reads; one open connection serves them all (EF would otherwise open and close it per read).
        await db.Database.OpenConnectionAsync(cancellationToken);
        var grantee = wellFormed ? await grantees.CitizenAsync(db, personalId, cancellationToken) : null;
        if (grantee is null)
        {
            return Refuse(ErrorCode.NoValidGrant);
        }

        var grants = await db.Grants.AsNoTracking().Where(g => g.CitizenPersonalId == personalId).ToListAsync(cancellationToken);
        if (BestValidGrant(grants, grantee) is not { } grant)
        {
            return Refuse(ErrorCode.NoValidGrant);
        }

        return new DataCaller(citizenRef, purpose, OrganizationType.Citizen, null, null, null, usedChannel, grant, personalId, citizenRef);
    }

    /// <summary>Of the grants that count now, the most recently issued one.</summary>
    private ActiveGrant? BestValidGrant(IEnumerable<Grant> grants, Grantee grantee)
    {
        var now = clock.GetUtcNow();
        var grant = grants
            .Where(g => GrantValidity.Evaluate(new GrantTerms(g.Authority, units.AuthorityUnitOf(g.AuthorityUnitCode), g.ValidFrom, g.ValidTo, g.RevokedAt), grantee, competence, now) == GrantStatus.Valid)
            .OrderByDescending(g => g.IssuedAt)
            .FirstOrDefault();
        return grant is null
            ? null
            : new ActiveGrant(grant.Id, grant.Authority, grant.AuthorityUnitCode, grant.ScopeUnitCode, grant.ValidFrom, grant.ValidTo,
                grant.Purpose, rules.Grant(grant.FieldList));
    }
}
