using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.AccessLog.Storage.Migrations
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
                    FirstSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CitizenRef = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCitizenSpans", x => x.FirstSequence);
                });

            // WITHOUT ROWID: the row is its primary key's b-tree entry, with no rowid beside it.
            migrationBuilder.Sql("""
                CREATE TABLE "AccessLogEntries" (
                    "RequestStart" INTEGER NOT NULL, "Ordinal" INTEGER NOT NULL, "TimeOffsetMs" INTEGER NOT NULL, "FieldId" INTEGER NULL, "PathId" INTEGER NULL,
                    "Decision" INTEGER NOT NULL, "Mask" INTEGER NOT NULL, "ReasonId" INTEGER NULL,
                    CONSTRAINT "PK_AccessLogEntries" PRIMARY KEY ("RequestStart", "Ordinal")
                ) WITHOUT ROWID
                """);

            // WITHOUT ROWID: the row is its primary key's b-tree entry, with no rowid beside it.
            migrationBuilder.Sql("""
                CREATE TABLE "AccessLogHourlyCounts" (
                    "Hour" INTEGER NOT NULL, "OrganizationId" INTEGER NOT NULL, "OrganizationType" INTEGER NOT NULL, "FieldId" INTEGER NOT NULL,
                    "Decision" INTEGER NOT NULL, "ReasonId" INTEGER NOT NULL, "Count" INTEGER NOT NULL,
                    CONSTRAINT "PK_AccessLogHourlyCounts" PRIMARY KEY ("Hour", "OrganizationId", "OrganizationType", "FieldId", "Decision", "ReasonId")
                ) WITHOUT ROWID
                """);

            migrationBuilder.CreateTable(
                name: "AccessLogRequests",
                columns: table => new
                {
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OperationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OrganizationType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GrantId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    GrantAuthority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PreviousHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogRequests", x => x.Start);
                });

            migrationBuilder.CreateTable(
                name: "AccessLogTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
