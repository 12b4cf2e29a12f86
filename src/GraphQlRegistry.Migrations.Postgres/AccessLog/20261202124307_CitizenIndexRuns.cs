using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.AccessLog
{
    /// <inheritdoc />
    public partial class CitizenIndexRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AccessLogCitizenIndex",
                table: "AccessLogCitizenIndex");

            migrationBuilder.AddColumn<long>(
                name: "Run",
                table: "AccessLogCitizenIndex",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddPrimaryKey(
                name: "PK_AccessLogCitizenIndex",
                table: "AccessLogCitizenIndex",
                columns: new[] { "Run", "CitizenKey", "FirstSequence" });

            migrationBuilder.CreateTable(
                name: "AccessLogCitizenIndexRuns",
                columns: table => new
                {
                    Run = table.Column<long>(type: "bigint", nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    MergingInto = table.Column<long>(type: "bigint", nullable: true),
                    MergedBelow = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCitizenIndexRuns", x => x.Run);
                });

            // The spans indexed so far are run 0. The default only served them: a writer that names no run (an instance
            // of the release before, during an upgrade) must fail rather than add rows to a run no reader looks in.
            migrationBuilder.Sql("""
                INSERT INTO "AccessLogCitizenIndexRuns" ("Run", "Rows") SELECT 0, COUNT(*) FROM "AccessLogCitizenIndex" HAVING COUNT(*) > 0;
                ALTER TABLE "AccessLogCitizenIndex" ALTER COLUMN "Run" DROP DEFAULT
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogCitizenIndexRuns");

            migrationBuilder.DropPrimaryKey(
                name: "PK_AccessLogCitizenIndex",
                table: "AccessLogCitizenIndex");

            migrationBuilder.DropColumn(
                name: "Run",
                table: "AccessLogCitizenIndex");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AccessLogCitizenIndex",
                table: "AccessLogCitizenIndex",
                columns: new[] { "CitizenKey", "FirstSequence" });
        }
    }
}
