using GraphQlRegistry.AccessLog.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Flags;

/// <summary>The flags' table in the access log's store: its own table, so the entries' layout is not touched.</summary>
public static class AccessFlagModel
{
    public const string TableName = "AccessLogFlags";

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<AccessFlag>(flag =>
    {
        flag.ToTable(TableName);
        flag.HasKey(f => f.Id);
        flag.Property(f => f.RequestId).HasMaxLength(64);
        flag.Property(f => f.CitizenRef).HasMaxLength(64);
        flag.Property(f => f.FlaggedInRequestId).HasMaxLength(64);
        flag.Property(f => f.Reason).HasMaxLength(AccessFlag.ReasonMaxLength);
        flag.Property(f => f.Kind).HasConversion<WireNameConverter<AccessFlagKind>>().HasMaxLength(40);
        flag.Ignore(f => f.Time);

        // Auditors look flags up by the requests of a page; the anomaly scan by time.
        flag.HasIndex(f => f.RequestId);
        flag.HasIndex(f => f.TimeUnixMs);
    });
}
