using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.Registry
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
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRevisions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "LedgerRevisions",
                columns: new[] { "Id", "Revision" },
                values: new object[] { 1, 0L });

            // Every write to the rows that decide a caller's standing raises the revision, in the writer's own transaction
            // (COPY and TRUNCATE included: the triggers are per statement).
            migrationBuilder.Sql(
                "CREATE FUNCTION raise_ledger_revision() RETURNS trigger LANGUAGE plpgsql AS $$ " +
                "BEGIN UPDATE \"LedgerRevisions\" SET \"Revision\" = \"Revision\" + 1; RETURN NULL; END $$;");
            foreach (var table in new[] { "Organizations", "Grants" })
            {
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"{table}_RaisesLedgerRevision\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"{table}\" " +
                    "FOR EACH STATEMENT EXECUTE FUNCTION raise_ledger_revision();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Organizations", "Grants" })
            {
                migrationBuilder.Sql($"DROP TRIGGER \"{table}_RaisesLedgerRevision\" ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION raise_ledger_revision();");
            migrationBuilder.DropTable(
                name: "LedgerRevisions");
        }
    }
}
