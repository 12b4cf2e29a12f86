using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GraphQlRegistry.Migrations.Postgres.Registry
{
    /// <inheritdoc />
    public partial class InitialRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdministrativeUnits",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdministrativeUnits", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Citizens",
                columns: table => new
                {
                    PersonalId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Nationality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Ethnicity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Religion = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BloodType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PlaceOfOrigin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BirthRegistrationPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MaritalStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PermanentProvinceCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PermanentDistrictCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PermanentCommuneCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PermanentStreet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CurrentProvinceCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CurrentDistrictCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CurrentCommuneCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CurrentStreet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FatherId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    MotherId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    SpouseId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    HouseholdHeadId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    HouseholdRelationship = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DateOfDeath = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Citizens", x => x.PersonalId);
                });

            migrationBuilder.CreateTable(
                name: "GrantingCompetences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Authority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GranteeType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GranteeLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Locality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantingCompetences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OrganizationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CitizenPersonalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Authority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AuthorityUnitCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ScopeUnitCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdministrativeUnits_ParentCode",
                table: "AdministrativeUnits",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_CurrentCommuneCode",
                table: "Citizens",
                column: "CurrentCommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_CurrentDistrictCode",
                table: "Citizens",
                column: "CurrentDistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_CurrentProvinceCode",
                table: "Citizens",
                column: "CurrentProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_DateOfBirth",
                table: "Citizens",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_FullName",
                table: "Citizens",
                column: "FullName");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_PermanentCommuneCode",
                table: "Citizens",
                column: "PermanentCommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_PermanentDistrictCode",
                table: "Citizens",
                column: "PermanentDistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Citizens_PermanentProvinceCode",
                table: "Citizens",
                column: "PermanentProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_CitizenPersonalId",
                table: "Grants",
                column: "CitizenPersonalId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_OrganizationId",
                table: "Grants",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdministrativeUnits");

            migrationBuilder.DropTable(
                name: "Citizens");

            migrationBuilder.DropTable(
                name: "GrantingCompetences");

            migrationBuilder.DropTable(
                name: "Grants");

            migrationBuilder.DropTable(
                name: "Organizations");
        }
    }
}
