using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.AccessLog.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CitizenIndexRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot change a primary key in place, and EF's rebuild would drop WITHOUT ROWID: rebuilt by hand.
            // The spans indexed so far, already in key order, become run 0.
            migrationBuilder.Sql("""
                ALTER TABLE "AccessLogCitizenIndex" RENAME TO "AccessLogCitizenIndexBeforeRuns";
                CREATE TABLE "AccessLogCitizenIndex" (
                    "Run" INTEGER NOT NULL, "CitizenKey" TEXT NOT NULL, "FirstSequence" INTEGER NOT NULL,
                    CONSTRAINT "PK_AccessLogCitizenIndex" PRIMARY KEY ("Run", "CitizenKey", "FirstSequence")
                ) WITHOUT ROWID;
                INSERT INTO "AccessLogCitizenIndex" ("Run", "CitizenKey", "FirstSequence")
                SELECT 0, "CitizenKey", "FirstSequence" FROM "AccessLogCitizenIndexBeforeRuns" ORDER BY "CitizenKey", "FirstSequence";
                DROP TABLE "AccessLogCitizenIndexBeforeRuns";
                """);

            migrationBuilder.CreateTable(
                name: "AccessLogCitizenIndexRuns",
                columns: table => new
                {
                    Run = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    MergingInto = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedBelow = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCitizenIndexRuns", x => x.Run);
                });

            migrationBuilder.Sql("""
                INSERT INTO "AccessLogCitizenIndexRuns" ("Run", "Rows") SELECT 0, COUNT(*) FROM "AccessLogCitizenIndex" HAVING COUNT(*) > 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogCitizenIndexRuns");

            migrationBuilder.Sql("""
                ALTER TABLE "AccessLogCitizenIndex" RENAME TO "AccessLogCitizenIndexWithRuns";
                CREATE TABLE "AccessLogCitizenIndex" (
                    "CitizenKey" TEXT NOT NULL, "FirstSequence" INTEGER NOT NULL,
                    CONSTRAINT "PK_AccessLogCitizenIndex" PRIMARY KEY ("CitizenKey", "FirstSequence")
                ) WITHOUT ROWID;
                INSERT INTO "AccessLogCitizenIndex" ("CitizenKey", "FirstSequence")
                SELECT "CitizenKey", "FirstSequence" FROM "AccessLogCitizenIndexWithRuns" ORDER BY "CitizenKey", "FirstSequence";
                DROP TABLE "AccessLogCitizenIndexWithRuns";
                """);
        }
    }
}
