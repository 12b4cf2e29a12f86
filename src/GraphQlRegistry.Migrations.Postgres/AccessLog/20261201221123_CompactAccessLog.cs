using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.AccessLog
{
    /// <inheritdoc />
    public partial class CompactAccessLog : Migration
    {
        /// <summary>Every entry as AccessLogEntry reads it: a request's context joined to each of its entries, the citizen from the covering span.</summary>
        private const string CreateEntriesView = """
            CREATE VIEW "AccessLogEntryView" AS
            SELECT e."RequestStart" + e."Ordinal" AS "Sequence",
                   r."TimeUnixMs" + e."TimeOffsetMs" AS "TimeUnixMs",
                   r."RequestId", r."OperationName", r."Subject", r."OrganizationId", r."OrganizationType", r."GrantId", r."GrantAuthority", r."Channel", r."Purpose",
                   (SELECT CASE WHEN s."LastSequence" >= e."RequestStart" + e."Ordinal" THEN s."CitizenRef" END
                    FROM "AccessLogCitizenSpans" s WHERE s."FirstSequence" <= e."RequestStart" + e."Ordinal"
                    ORDER BY s."FirstSequence" DESC LIMIT 1) AS "CitizenRef",
                   f."Text" AS "Field", p."Text" AS "Path", e."Decision", e."Mask", x."Text" AS "Reason", r."PreviousHash", r."Hash"
            FROM "AccessLogEntries" e
            JOIN "AccessLogRequests" r ON r."Start" = e."RequestStart"
            LEFT JOIN "AccessLogTexts" f ON f."Id" = e."FieldId"
            LEFT JOIN "AccessLogTexts" p ON p."Id" = e."PathId"
            LEFT JOIN "AccessLogTexts" x ON x."Id" = e."ReasonId"
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogCitizenSpans",
                columns: table => new
                {
                    FirstSequence = table.Column<long>(type: "bigint", nullable: false),
                    CitizenRef = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCitizenSpans", x => x.FirstSequence);
                });

            migrationBuilder.CreateTable(
                name: "AccessLogEntries",
                columns: table => new
                {
                    RequestStart = table.Column<long>(type: "bigint", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    TimeOffsetMs = table.Column<int>(type: "integer", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: true),
                    PathId = table.Column<int>(type: "integer", nullable: true),
                    Decision = table.Column<byte>(type: "smallint", nullable: false),
                    Mask = table.Column<byte>(type: "smallint", nullable: false),
                    ReasonId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogEntries", x => new { x.RequestStart, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "AccessLogHourlyCounts",
                columns: table => new
                {
                    Hour = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationType = table.Column<int>(type: "integer", nullable: false),
                    FieldId = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<byte>(type: "smallint", nullable: false),
                    ReasonId = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogHourlyCounts", x => new { x.Hour, x.OrganizationId, x.OrganizationType, x.FieldId, x.Decision, x.ReasonId });
                });

            migrationBuilder.CreateTable(
                name: "AccessLogRequests",
                columns: table => new
                {
                    Start = table.Column<long>(type: "bigint", nullable: false),
                    EntryCount = table.Column<int>(type: "integer", nullable: false),
                    TimeUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OperationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GrantId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GrantAuthority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PreviousHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogRequests", x => x.Start);
                });

            migrationBuilder.CreateTable(
                name: "AccessLogTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogTexts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogCitizenSpans_CitizenRef_FirstSequence",
                table: "AccessLogCitizenSpans",
                columns: new[] { "CitizenRef", "FirstSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogRequests_OrganizationId_Start",
                table: "AccessLogRequests",
                columns: new[] { "OrganizationId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogRequests_TimeUnixMs",
                table: "AccessLogRequests",
                column: "TimeUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogTexts_Text",
                table: "AccessLogTexts",
                column: "Text",
                unique: true);

            migrationBuilder.Sql(CreateEntriesView);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW \"AccessLogEntryView\"");

            migrationBuilder.DropTable(
                name: "AccessLogCitizenSpans");

            migrationBuilder.DropTable(
                name: "AccessLogEntries");

            migrationBuilder.DropTable(
                name: "AccessLogHourlyCounts");

            migrationBuilder.DropTable(
                name: "AccessLogRequests");

            migrationBuilder.DropTable(
                name: "AccessLogTexts");
        }
    }
}
