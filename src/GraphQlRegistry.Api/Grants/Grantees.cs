using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Grants;

/// <summary>
/// Grantees as the registry knows them, for competence checks: an organisation by its stored type, level and head
/// office; a citizen by the communes of their permanent and temporary residence.
/// </summary>
public sealed class Grantees(UnitDirectory units)
{
    public Grantee Of(Organization organization) => new(organization.Type, organization.Level, units.LocationsOf(organization.UnitCode));

    /// <summary>The citizen as a grantee; null when no such citizen is registered.</summary>
    public async Task<Grantee?> CitizenAsync(RegistryDbContext db, string personalId, CancellationToken cancellationToken)
    {
        var residence = await db.Citizens.AsNoTracking().Where(c => c.PersonalId == personalId)
            .Select(c => new { c.PermanentCommuneCode, c.CurrentCommuneCode }).FirstOrDefaultAsync(cancellationToken);
        return residence is null ? null : new Grantee(OrganizationType.Citizen, null, units.LocationsOf(residence.PermanentCommuneCode, residence.CurrentCommuneCode));
    }
}
