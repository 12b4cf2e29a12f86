using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.AccessLog.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CitizenIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // WITHOUT ROWID: the row is its primary key's b-tree entry, with no rowid beside it.
            foreach (var level in (string[])["AccessLogCitizenIndex", "AccessLogRecentCitizenIndex"])
            {
                migrationBuilder.Sql($"""
                    CREATE TABLE "{level}" (
                        "CitizenKey" TEXT NOT NULL, "FirstSequence" INTEGER NOT NULL,
                        CONSTRAINT "PK_{level}" PRIMARY KEY ("CitizenKey", "FirstSequence")
                    ) WITHOUT ROWID
                    """);
            }

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
