using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.AccessLog
{
    /// <inheritdoc />
    public partial class RecentCitizenIndexInSpanOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AccessLogRecentCitizenIndex",
                table: "AccessLogRecentCitizenIndex");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AccessLogRecentCitizenIndex",
                table: "AccessLogRecentCitizenIndex",
                column: "FirstSequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_AccessLogRecentCitizenIndex",
                table: "AccessLogRecentCitizenIndex");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AccessLogRecentCitizenIndex",
                table: "AccessLogRecentCitizenIndex",
                columns: new[] { "CitizenKey", "FirstSequence" });
        }
    }
}
