using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Tests.Postgres;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests.Postgres;

/// <summary>The audit commands on a PostgreSQL registry and log, configured as the server is (environment variables).</summary>
public sealed class PostgresAuditTests : IDisposable
{
    private const string PseudonymKey = "cli-test-pseudonym-key-that-is-long-enough-0123456789";
    private const string PersonalId = "001099123456";
    private readonly ThrowawayPostgres _postgres = new();

    [Fact]
    public async Task TopCitizenFeesAndVerify_ReadAPostgresLog()
    {
        var connection = _postgres.ConnectionString("registry_cli");
        var environment = new Dictionary<string, string>
        {
            ["Registry__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Registry"] = connection,
            ["Registry__AccessLog__PseudonymKey"] = PseudonymKey,
        };
        var data = Directory.CreateTempSubdirectory("registry-cli-pg-").FullName;
        try
        {
            Assert.Equal(0, (await CliRun.RunAsync(environment, "seed", "--citizens", "20", "--data", data)).ExitCode);
            await using (var log = new AccessLogDbContext((DbContextOptions<AccessLogDbContext>)new DbContextOptionsBuilder<AccessLogDbContext>().UseRegistryProvider(DatabaseProvider.Postgres, connection).Options))
            {
                await DatabaseSchema.MigrateAsync(log);
            }

            var citizen = new CitizenPseudonym(PseudonymKey).Of(PersonalId);
            var bank = Caller("demo-credit-institution", OrganizationType.CreditInstitution, "r-bank");
            var time = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
            await using (var writer = new GroupCommitAccessLog(new AccessLogWriterOptions(DatabaseProvider.Postgres, connection, TimeSpan.FromSeconds(30)),
                NullLogger<GroupCommitAccessLog>.Instance))
            {
                await writer.AppendAsync([Read(bank, time, citizen, "Citizen.fullName"), Read(bank, time, citizen, "Citizen.religion", FieldOutcome.Denied),
                    Read(bank, time.AddDays(1), "other", "Citizen.fullName")], CancellationToken.None);
            }

            var top = (await CliRun.RunAsync(environment, "audit", "top", "--by", "organization", "--data", data, "--json")).Json();
            Assert.Contains(top.GetProperty("rows").EnumerateArray(), r => r.GetProperty("key").GetString() == "demo-credit-institution" && r.GetProperty("count").GetInt64() == 3);

            var reads = (await CliRun.RunAsync(environment, "audit", "citizen", PersonalId, "--data", data, "--json")).Json().GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("requestId").GetString() == "r-bank").ToList();
            Assert.Equal(["Citizen.religion", "Citizen.fullName"], reads.Select(e => e.GetProperty("field").GetString()));

            var fees = (await CliRun.RunAsync(environment, "audit", "fees", "--month", "2026-11", "--data", data, "--json")).Json();
            Assert.Equal(2000m, fees.GetProperty("totalAmount").GetDecimal());

            Assert.Equal(0, (await CliRun.RunAsync(environment, "audit", "verify", "--data", data)).ExitCode);
            await using (var sql = new NpgsqlConnection(connection))
            {
                await sql.OpenAsync();
                await using var edit = new NpgsqlCommand("UPDATE \"AccessLogEntries\" SET \"Decision\" = 0 WHERE \"RequestStart\" = 1 AND \"Ordinal\" = 1", sql);
                Assert.Equal(1, await edit.ExecuteNonQueryAsync());
            }

            var broken = await CliRun.RunAsync(environment, "audit", "verify", "--data", data, "--json");
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("\"firstBrokenEntry\": 1", broken.Output);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    public void Dispose() => _postgres.Dispose();
}
