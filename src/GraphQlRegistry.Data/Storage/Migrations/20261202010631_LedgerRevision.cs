using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.Data.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LedgerRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRevisions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "LedgerRevisions",
                columns: new[] { "Id", "Revision" },
                values: new object[] { 1, 0L });

            // Every write to the rows that decide a caller's standing raises the revision, in the writer's own transaction.
            foreach (var table in new[] { "Organizations", "Grants" })
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql(
                        $"CREATE TRIGGER \"{table}_{change}_RaisesLedgerRevision\" AFTER {change} ON \"{table}\" " +
                        "BEGIN UPDATE \"LedgerRevisions\" SET \"Revision\" = \"Revision\" + 1; END;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Organizations", "Grants" })
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"DROP TRIGGER \"{table}_{change}_RaisesLedgerRevision\";");
                }
            }

            migrationBuilder.DropTable(
                name: "LedgerRevisions");
        }
    }
}
