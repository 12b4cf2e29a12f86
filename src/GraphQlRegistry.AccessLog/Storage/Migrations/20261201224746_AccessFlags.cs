using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.AccessLog.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AccessFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CitizenRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 280, nullable: true),
                    TimeUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FlaggedInRequestId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogFlags", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogFlags_RequestId",
                table: "AccessLogFlags",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogFlags_TimeUnixMs",
                table: "AccessLogFlags",
                column: "TimeUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogFlags");
        }
    }
}
