using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.AccessLog.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RecentCitizenIndexInSpanOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rekey(migrationBuilder, "\"FirstSequence\"");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rekey(migrationBuilder, "\"CitizenKey\", \"FirstSequence\"");

        // SQLite cannot change a primary key in place, and EF's rebuild would drop WITHOUT ROWID: rebuilt by hand.
        private static void Rekey(MigrationBuilder migrationBuilder, string key) =>
            migrationBuilder.Sql($"""
                ALTER TABLE "AccessLogRecentCitizenIndex" RENAME TO "AccessLogRecentCitizenIndexRekeyed";
                CREATE TABLE "AccessLogRecentCitizenIndex" (
                    "CitizenKey" TEXT NOT NULL, "FirstSequence" INTEGER NOT NULL,
                    CONSTRAINT "PK_AccessLogRecentCitizenIndex" PRIMARY KEY ({key})
                ) WITHOUT ROWID;
                INSERT INTO "AccessLogRecentCitizenIndex" ("CitizenKey", "FirstSequence")
                SELECT "CitizenKey", "FirstSequence" FROM "AccessLogRecentCitizenIndexRekeyed" ORDER BY {key};
                DROP TABLE "AccessLogRecentCitizenIndexRekeyed";
                """);
    }
}
