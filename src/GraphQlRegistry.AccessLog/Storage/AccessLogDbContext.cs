using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>
/// The access log's own store, apart from the registry so that its durability settings and faults are its own.
/// A request is stored once (<see cref="Requests"/>) with its entries packed in its row, each a few small integers
/// (<see cref="PackedFields"/>, texts by number through <see cref="Texts"/>), citizens once per run of entries
/// (<see cref="CitizenSpans"/>), found by citizen through the citizen index: a small recent level
/// (<see cref="CitizenIndexRow"/>) and sorted runs (<see cref="CitizenIndexRun"/>).
/// <see cref="Reading.AccessLogReader"/> reads them back as one <see cref="AccessLogEntry"/> per entry.
/// </summary>
public sealed class AccessLogDbContext(DbContextOptions<AccessLogDbContext> options) : DbContext(options)
{
    public const string RequestsTableName = "AccessLogRequests";
    public const string TextsTableName = "AccessLogTexts";
    public const string SpansTableName = "AccessLogCitizenSpans";
    public const string RecentCitizenIndexTableName = "AccessLogRecentCitizenIndex";
    public const string CitizenIndexTableName = "AccessLogCitizenIndex";
    public const string CitizenIndexRunsTableName = "AccessLogCitizenIndexRuns";
    public const string HourlyCountsTableName = "AccessLogHourlyCounts";

    public DbSet<LoggedRequest> Requests => Set<LoggedRequest>();

    public DbSet<LogText> Texts => Set<LogText>();

    public DbSet<CitizenSpan> CitizenSpans => Set<CitizenSpan>();

    public DbSet<CitizenIndexRow> RecentCitizenIndex => Set<CitizenIndexRow>(RecentCitizenIndexTableName);

    public DbSet<SettledCitizenIndexRow> CitizenIndex => Set<SettledCitizenIndexRow>(CitizenIndexTableName);

    public DbSet<CitizenIndexRun> CitizenIndexRuns => Set<CitizenIndexRun>();

    /// <summary>
    /// Every span's index row, whichever level or run holds it (each is in exactly one): what the chain check looks in.
    /// A row of a run the runs table does not list is not indexed, since readers do not look there.
    /// </summary>
    public IQueryable<CitizenIndexRow> IndexedSpans => RecentCitizenIndex.Select(AsRow).Concat(ListedRuns.Select(SettledAsRow));

    /// <summary>
    /// The first sequences of the spans indexed under <paramref name="citizenKey"/>: a scan of the recent level (at most
    /// a batch, kept in span order for the writer) and one seek in each run. The runs are named (<c>Run IN (…)</c>)
    /// rather than joined: a join let SQLite scan the index.
    /// </summary>
    public IQueryable<long> IndexedSpansUnder(string citizenKey) =>
        RecentCitizenIndex.Where(i => i.CitizenKey == citizenKey).Select(i => i.FirstSequence)
            .Concat(ListedRuns.Where(i => i.CitizenKey == citizenKey).Select(i => i.FirstSequence));

    /// <summary>The settled rows of the runs the runs table lists: the only ones a reader looks in.</summary>
    private IQueryable<SettledCitizenIndexRow> ListedRuns => CitizenIndex.Where(i => CitizenIndexRuns.Select(r => r.Run).Contains(i.Run));

    public DbSet<HourlyCount> HourlyCounts => Set<HourlyCount>();

    /// <summary>Every entry as the auditors read it, oldest first, unpacked from its request: for checks, tests and small logs.</summary>
    public IAsyncEnumerable<AccessLogEntry> Entries => new Reading.AccessLogReader(this).StreamAsync(new Reading.AccessLogFilter());

    public DbSet<AccessFlag> Flags => Set<AccessFlag>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<OrganizationType>().HaveConversion<WireNameConverter<OrganizationType>>().HaveMaxLength(40);
        configurationBuilder.Properties<GrantingAuthority>().HaveConversion<WireNameConverter<GrantingAuthority>>().HaveMaxLength(40);
        configurationBuilder.Properties<Channel>().HaveConversion<WireNameConverter<Channel>>().HaveMaxLength(40);
        configurationBuilder.Properties<FieldOutcome>().HaveConversion<OutcomeCodeConverter>();
        configurationBuilder.Properties<FieldMask>().HaveConversion<MaskCodeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(300);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LoggedRequest>(request =>
        {
            request.ToTable(RequestsTableName);
            request.HasKey(r => r.Start);
            request.Property(r => r.Start).ValueGeneratedNever();
            request.Property(r => r.Purpose).HasMaxLength(500);

            // One index row per request, not per entry: the organisation and period filters start here.
            request.HasIndex(r => r.TimeUnixMs);
            request.HasIndex(r => new { r.OrganizationId, r.Start });
        });

        modelBuilder.Entity<LogText>(text =>
        {
            text.ToTable(TextsTableName);
            text.HasKey(t => t.Id);
            text.Property(t => t.Text).HasMaxLength(1000);
            text.HasIndex(t => t.Text).IsUnique();
        });

        modelBuilder.Entity<CitizenSpan>(span =>
        {
            span.ToTable(SpansTableName);
            span.HasKey(s => s.FirstSequence);
            span.Property(s => s.FirstSequence).ValueGeneratedNever();
        });

        // WITHOUT ROWID tables on SQLite (see the migrations), like the entries. The recent level is kept in span order,
        // so that the writer appends to it; a reader scans it, and it never holds more than a batch.
        modelBuilder.SharedTypeEntity<CitizenIndexRow>(RecentCitizenIndexTableName, row =>
        {
            row.ToTable(RecentCitizenIndexTableName);
            row.HasKey(r => r.FirstSequence);
            row.Property(r => r.FirstSequence).ValueGeneratedNever();
            row.Property(r => r.CitizenKey).HasMaxLength(CitizenIndexRow.KeyLength);
        });
        modelBuilder.SharedTypeEntity<SettledCitizenIndexRow>(CitizenIndexTableName, row =>
        {
            row.ToTable(CitizenIndexTableName);
            row.HasKey(r => new { r.Run, r.CitizenKey, r.FirstSequence });
            row.Property(r => r.CitizenKey).HasMaxLength(CitizenIndexRow.KeyLength);
        });

        modelBuilder.Entity<CitizenIndexRun>(run =>
        {
            run.ToTable(CitizenIndexRunsTableName);
            run.HasKey(r => r.Run);
            run.Property(r => r.Run).ValueGeneratedNever();
            run.Property(r => r.MergedBelow).HasMaxLength(CitizenIndexRow.KeyLength);
        });

        modelBuilder.Entity<HourlyCount>(count =>
        {
            count.ToTable(HourlyCountsTableName);
            count.HasKey(c => new { c.Hour, c.OrganizationId, c.OrganizationType, c.FieldId, c.Decision, c.ReasonId });
        });

        AccessFlagModel.Configure(modelBuilder);
    }

    // The two levels are two entity types: EF unites them as one projected shape, not as entities.
    private static readonly System.Linq.Expressions.Expression<Func<CitizenIndexRow, CitizenIndexRow>> AsRow =
        row => new CitizenIndexRow { CitizenKey = row.CitizenKey, FirstSequence = row.FirstSequence };

    private static readonly System.Linq.Expressions.Expression<Func<SettledCitizenIndexRow, CitizenIndexRow>> SettledAsRow =
        row => new CitizenIndexRow { CitizenKey = row.CitizenKey, FirstSequence = row.FirstSequence };

    private sealed class OutcomeCodeConverter() : ValueConverter<FieldOutcome, byte>(value => WireCodes.Of(value), code => WireCodes.Outcome(code));

    private sealed class MaskCodeConverter() : ValueConverter<FieldMask, byte>(value => WireCodes.Of(value), code => WireCodes.Mask(code));
}
