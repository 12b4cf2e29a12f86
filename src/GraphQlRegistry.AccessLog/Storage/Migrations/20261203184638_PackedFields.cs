using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.AccessLog.Storage.Migrations
{
    /// <summary>
    /// Each request's entries move from a row each into the request's own row, packed (<see cref="GraphQlRegistry.AccessLog.Storage.PackedFields"/>):
    /// eighteen bytes per entry, built here in SQL from the rows, in ordinal order. The chain hashes what the entries
    /// say, not how they are stored, so a log verifies the same before and after.
    /// </summary>
    public partial class PackedFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW \"AccessLogEntryView\"");

            migrationBuilder.AddColumn<byte[]>(
                name: "Fields",
                table: "AccessLogRequests",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            // printf's %X takes a 64-bit integer: a negative time offset is masked to its 32 bits first.
            migrationBuilder.Sql("""
                UPDATE "AccessLogRequests" SET "Fields" = coalesce((
                    SELECT unhex(group_concat(
                        printf('%08X%08X%08X%08X%02X%02X', e."TimeOffsetMs" & 4294967295, coalesce(e."FieldId", 0), coalesce(e."PathId", 0),
                            coalesce(e."ReasonId", 0), e."Decision", e."Mask"),
                        '' ORDER BY e."Ordinal"))
                    FROM "AccessLogEntries" e WHERE e."RequestStart" = "AccessLogRequests"."Start"), x'')
                """);

            migrationBuilder.DropTable(
                name: "AccessLogEntries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("The packed entries are not unpacked into rows again: restore the access log from the backup taken before upgrading.");
    }
}
