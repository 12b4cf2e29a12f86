using GraphQlRegistry.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Data.Storage;

/// <summary>The registry's model, the same for SQLite and PostgreSQL. Enums are stored by name so rows read plainly.</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();

    public DbSet<Citizen> Citizens => Set<Citizen>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<GrantingCompetence> GrantingCompetences => Set<GrantingCompetence>();

    public DbSet<LedgerRevision> LedgerRevisions => Set<LedgerRevision>();

    /// <summary>The one statement that reads the ledger's revision, in the SQL both providers share.</summary>
    public static readonly string ReadLedgerRevision = $"SELECT \"Revision\" FROM \"LedgerRevisions\" WHERE \"Id\" = {LedgerRevision.SingleRowId}";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<string>().HaveMaxLength(200);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdministrativeUnit>(unit =>
        {
            unit.HasKey(u => u.Code);
            unit.Property(u => u.Code).HasMaxLength(12);
            unit.HasIndex(u => u.ParentCode);
        });

        modelBuilder.Entity<Citizen>(ConfigureCitizen);

        modelBuilder.Entity<Organization>(organization =>
        {
            organization.HasKey(o => o.Id);
            organization.Property(o => o.Id).HasMaxLength(80);
        });

        modelBuilder.Entity<Grant>(grant =>
        {
            grant.HasKey(g => g.Id);
            grant.Property(g => g.Id).HasMaxLength(80);
            grant.Property(g => g.Fields).HasMaxLength(2000);
            grant.Property(g => g.Purpose).HasMaxLength(500);
            grant.Ignore(g => g.FieldList);
            grant.HasIndex(g => g.OrganizationId);
            grant.HasIndex(g => g.CitizenPersonalId);
        });

        modelBuilder.Entity<GrantingCompetence>(competence => competence.HasKey(c => c.Id));

        modelBuilder.Entity<LedgerRevision>(revision =>
        {
            revision.HasKey(r => r.Id);
            revision.Property(r => r.Id).ValueGeneratedNever();
            revision.HasData(new LedgerRevision { Id = LedgerRevision.SingleRowId, Revision = 0 });
        });
    }

    private static void ConfigureCitizen(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Citizen> citizen)
    {
        citizen.HasKey(c => c.PersonalId);
        citizen.Property(c => c.PersonalId).HasMaxLength(12);
        foreach (var relative in new[] { nameof(Citizen.FatherId), nameof(Citizen.MotherId), nameof(Citizen.SpouseId), nameof(Citizen.HouseholdHeadId) })
        {
            citizen.Property(relative).HasMaxLength(12);
        }

        foreach (var required in new[] { nameof(Citizen.FullName), nameof(Citizen.DateOfBirth), nameof(Citizen.Sex), nameof(Citizen.PermanentProvinceCode) })
        {
            citizen.Property(required).IsRequired();
        }

        // One index per lookup the API makes: name prefix, birth date, and either address at every level.
        citizen.HasIndex(c => c.FullName);
        citizen.HasIndex(c => c.DateOfBirth);
        citizen.HasIndex(c => c.PermanentProvinceCode);
        citizen.HasIndex(c => c.PermanentDistrictCode);
        citizen.HasIndex(c => c.PermanentCommuneCode);
        citizen.HasIndex(c => c.CurrentProvinceCode);
        citizen.HasIndex(c => c.CurrentDistrictCode);
        citizen.HasIndex(c => c.CurrentCommuneCode);
    }
}
