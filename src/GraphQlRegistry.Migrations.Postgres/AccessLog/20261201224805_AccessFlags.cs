using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.AccessLog
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CitizenRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: true),
                    TimeUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    FlaggedInRequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
