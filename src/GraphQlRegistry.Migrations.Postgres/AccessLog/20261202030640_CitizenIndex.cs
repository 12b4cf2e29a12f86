using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.AccessLog
{
    /// <inheritdoc />
    public partial class CitizenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogCitizenIndex",
                columns: table => new
                {
                    CitizenKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FirstSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCitizenIndex", x => new { x.CitizenKey, x.FirstSequence });
                });

            migrationBuilder.CreateTable(
                name: "AccessLogRecentCitizenIndex",
                columns: table => new
                {
                    CitizenKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FirstSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogRecentCitizenIndex", x => new { x.CitizenKey, x.FirstSequence });
                });

            // Spans logged before this migration go straight to the settled level.
            migrationBuilder.Sql("""
                INSERT INTO "AccessLogCitizenIndex" ("CitizenKey", "FirstSequence")
                SELECT substr("CitizenRef", 1, 16), "FirstSequence" FROM "AccessLogCitizenSpans" ORDER BY 1, 2
                """);

            migrationBuilder.DropIndex(
                name: "IX_AccessLogCitizenSpans_CitizenRef_FirstSequence",
                table: "AccessLogCitizenSpans");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogCitizenIndex");

            migrationBuilder.DropTable(
                name: "AccessLogRecentCitizenIndex");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogCitizenSpans_CitizenRef_FirstSequence",
                table: "AccessLogCitizenSpans",
                columns: new[] { "CitizenRef", "FirstSequence" });
        }
    }
}
