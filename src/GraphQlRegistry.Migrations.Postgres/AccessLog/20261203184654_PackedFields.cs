using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.AccessLog
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
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            // int4send is an integer's four bytes, big-endian; a code's byte is the low one of int2send's two.
            migrationBuilder.Sql("""
                UPDATE "AccessLogRequests" r SET "Fields" = p."Fields"
                FROM (
                    SELECT "RequestStart", string_agg(
                        int4send("TimeOffsetMs") || int4send(coalesce("FieldId", 0)) || int4send(coalesce("PathId", 0)) || int4send(coalesce("ReasonId", 0))
                            || substring(int2send("Decision") FROM 2) || substring(int2send("Mask") FROM 2),
                        ''::bytea ORDER BY "Ordinal") AS "Fields"
                    FROM "AccessLogEntries" GROUP BY "RequestStart") p
                WHERE p."RequestStart" = r."Start"
                """);

            migrationBuilder.DropTable(
                name: "AccessLogEntries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("The packed entries are not unpacked into rows again: restore the access log from the backup taken before upgrading.");
    }
}
