using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Demo;

/// <summary>
/// Writes the demo registry into an empty, migrated database: units, the competence table, organisations and
/// their grants, then citizens in chunks (each with its own grant from the police chief of its home commune).
/// </summary>
public sealed class DemoDataSeeder(RegistryDbContext context, GrantableFields grantableFields)
{
    private const int ChunkSize = 20_000;

    public async Task<bool> IsSeededAsync(CancellationToken cancellationToken = default) =>
        await context.Organizations.AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoDataOptions options, IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var units = DemoUnits.Create();
        context.AdministrativeUnits.AddRange(units.All);
        context.GrantingCompetences.AddRange(CompetenceTable.Circular2021.Rules.Select(rule => new GrantingCompetence
        {
            Authority = rule.Authority, GranteeType = rule.GranteeType, GranteeLevel = rule.GranteeLevel, Locality = rule.Locality,
        }));
        var (organizations, grants) = DemoOrganizations.Create(grantableFields);
        context.Organizations.AddRange(organizations);
        context.Grants.AddRange(grants);
        await context.SaveChangesAsync(cancellationToken);
        context.ChangeTracker.Clear();

        await SeedCitizensAsync(units, options, progress, cancellationToken);
    }

    private async Task SeedCitizensAsync(DemoUnits units, DemoDataOptions options, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var citizenFields = Grant.JoinFields(grantableFields(OrganizationType.Citizen, GrantingAuthority.CommunePoliceChief));
        var citizenInserter = new BulkInserter<Citizen>(context);
        var grantInserter = new BulkInserter<Grant>(context);
        var generator = new DemoCitizenGenerator(options.Seed, units);

        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var written = 0;
            foreach (var chunk in generator.Generate(options.Citizens).Chunk(ChunkSize))
            {
                var chunkGrants = chunk.Select((citizen, i) => CitizenGrant(citizen, written + i, citizenFields)).ToArray();
                await using var transaction = await context.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
                await citizenInserter.InsertAsync(chunk, transaction, cancellationToken);
                await grantInserter.InsertAsync(chunkGrants, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                written += chunk.Length;
                progress?.Report(new SeedProgress(written, options.Citizens));
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A citizen's own-record grant. Its id carries a sequence number, never the personal id: grant ids reach the access log.</summary>
    private static Grant CitizenGrant(Citizen citizen, int index, string fields) => new()
    {
        Id = $"grant-citizen-{index + 1:D8}",
        CitizenPersonalId = citizen.PersonalId,
        Authority = GrantingAuthority.CommunePoliceChief,
        AuthorityUnitCode = citizen.PermanentCommuneCode,
        IssuedAt = DemoOrganizations.IssuedAt,
        ValidFrom = DemoOrganizations.IssuedAt,
        ValidTo = DemoOrganizations.ValidTo,
        Fields = fields,
        Purpose = "Own record",
    };
}
