using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>Liveness and readiness are anonymous, carry no data, and readiness names the dependency that failed.</summary>
public sealed class ReadinessTests : IClassFixture<RegistryServer>
{
    private readonly RegistryServer _server;

    public ReadinessTests(RegistryServer server)
    {
        _server = server;

        // Starts the server, which creates and migrates its stores, before a test reaches into them.
        _server.CreateClient().Dispose();
    }

    [Fact]
    public async Task Healthz_Anonymous_AnswersOk()
    {
        var response = await _server.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_StoresUpAndMigrated_IsReadyWithEveryCheckOk()
    {
        var (status, body) = await ReadyzAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("registry").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("accessLog").GetString());
    }

    [Fact]
    public async Task Readyz_LogLockedByAnotherWriter_NamesTheAccessLogAsNotWritable()
    {
        await using (await _server.HoldLogWriteLockAsync())
        {
            var (status, body) = await ReadyzAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("unready", body.GetProperty("status").GetString());
            Assert.Equal("not writable", body.GetProperty("checks").GetProperty("accessLog").GetString());
            Assert.Equal("ok", body.GetProperty("checks").GetProperty("registry").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync()).Status);
    }

    [Fact]
    public async Task Readyz_RegistryMissingAMigration_NamesTheRegistry()
    {
        // Only the registry's own migrations: on PostgreSQL the access log shares the database and its history table.
        var registryMigrations = string.Join(", ", (await _server.RegistryAsync(db => Task.FromResult(db.Database.GetMigrations()))).Select(id => $"'{id}'"));
        await using var registry = await _server.OpenRegistryAsync();
        var history = await Rows(registry, $"SELECT \"MigrationId\", \"ProductVersion\" FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" IN ({registryMigrations})");
        await Execute(registry, $"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" IN ({registryMigrations})");
        try
        {
            var (status, body) = await ReadyzAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("migrations pending", body.GetProperty("checks").GetProperty("registry").GetString());
            Assert.Equal("ok", body.GetProperty("checks").GetProperty("accessLog").GetString());
        }
        finally
        {
            foreach (var (id, version) in history)
            {
                await Execute(registry, $"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{id}', '{version}')");
            }
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync()
    {
        var response = await _server.CreateClient().GetAsync("/readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string, string)>> Rows(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
