using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.AccessLog
{
    /// <inheritdoc />
    public partial class InitialAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLogCitizenSpans",
                columns: table => new
                {
                    CitizenRef = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FirstSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogCitizenSpans", x => new { x.CitizenRef, x.FirstSequence });
                });

            migrationBuilder.CreateTable(
                name: "AccessLogEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    TimeUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RequestId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OperationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OrganizationType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GrantId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GrantAuthority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CitizenRef = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Field = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mask = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Hash = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLogEntries", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_OrganizationId",
                table: "AccessLogEntries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLogEntries_TimeUnixMs",
                table: "AccessLogEntries",
                column: "TimeUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLogCitizenSpans");

            migrationBuilder.DropTable(
                name: "AccessLogEntries");
        }
    }
}
