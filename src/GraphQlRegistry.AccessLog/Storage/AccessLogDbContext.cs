using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>The access log's own store, apart from the registry so that its durability settings and faults are its own.</summary>
public sealed class AccessLogDbContext(DbContextOptions<AccessLogDbContext> options) : DbContext(options)
{
    public const string TableName = "AccessLogEntries";
    public const string SpansTableName = "AccessLogCitizenSpans";
    public const string DailyCountsTableName = "AccessLogDailyCounts";
    public const string RollupMarksTableName = "AccessLogRollupMarks";

    public DbSet<AccessLogEntry> Entries => Set<AccessLogEntry>();

    public DbSet<CitizenSpan> CitizenSpans => Set<CitizenSpan>();

    public DbSet<DailyCount> DailyCounts => Set<DailyCount>();

    public DbSet<RollupMark> RollupMarks => Set<RollupMark>();

    public DbSet<AccessFlag> Flags => Set<AccessFlag>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<OrganizationType>().HaveConversion<WireNameConverter<OrganizationType>>().HaveMaxLength(40);
        configurationBuilder.Properties<GrantingAuthority>().HaveConversion<WireNameConverter<GrantingAuthority>>().HaveMaxLength(40);
        configurationBuilder.Properties<Channel>().HaveConversion<WireNameConverter<Channel>>().HaveMaxLength(40);
        configurationBuilder.Properties<FieldOutcome>().HaveConversion<WireNameConverter<FieldOutcome>>().HaveMaxLength(40);
        configurationBuilder.Properties<FieldMask>().HaveConversion<WireNameConverter<FieldMask>>().HaveMaxLength(40);
        configurationBuilder.Properties<string>().HaveMaxLength(300);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccessLogEntry>(entry =>
        {
            entry.ToTable(TableName);
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Purpose).HasMaxLength(500);
            entry.Property(e => e.Path).HasMaxLength(1000);
            entry.Ignore(e => e.Time);

            // Both grow in step with the sequence, so they stay cheap to maintain; citizens are found through spans.
            entry.HasIndex(e => e.OrganizationId);
            entry.HasIndex(e => e.TimeUnixMs);
        });

        modelBuilder.Entity<CitizenSpan>(span =>
        {
            span.ToTable(SpansTableName);
            span.HasKey(s => new { s.CitizenRef, s.FirstSequence });
        });

        // Written by readers catching up, never by the request path: the log's write cost is unchanged.
        modelBuilder.Entity<DailyCount>(count =>
        {
            count.ToTable(DailyCountsTableName);
            count.HasKey(c => c.Id);
            count.HasIndex(c => new { c.Day, c.OrganizationId });
        });

        modelBuilder.Entity<RollupMark>(mark =>
        {
            mark.ToTable(RollupMarksTableName);
            mark.HasKey(m => m.Name);
        });

        AccessFlagModel.Configure(modelBuilder);
    }
}
