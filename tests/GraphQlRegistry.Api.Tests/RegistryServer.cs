using Microsoft.Extensions.Logging;
using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Api.Tests.Postgres;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQlRegistry.Api.Tests;

/// <summary>
/// The real server in process, on a throwaway data directory and the test assembly's provider (<see cref="TestStore"/>):
/// SQLite files seeded at start-up with a small deterministic registry, or a PostgreSQL database of its own copied
/// from one migrated and seeded the same way. Every test class that changes state gets its own; read-only classes
/// share one through <see cref="SharedServer"/>.
/// </summary>
public class RegistryServer : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";
    public const string PseudonymKey = "test-pseudonym-key-that-is-long-enough-0123456789";
    public const int Citizens = 600;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("registry-test-").FullName;

    public SqlCapture Sql { get; } = new();

    /// <summary>On PostgreSQL, this server's database (created when the server is first built).</summary>
    public string? PostgresDatabase { get; private set; }

    /// <summary>A server that must start from stores with nothing in them: on PostgreSQL, an empty database rather than the seeded copy.</summary>
    protected virtual bool StartsEmpty => false;

    private bool _keepsDatabase;

    public RegistryServer()
    {
        if (TestStore.IsPostgres && !StartsEmpty)
        {
            SeededTemplate.Prepare();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Registry:DataDirectory", DataDirectory);
        builder.UseSetting("Registry:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Registry:AccessLog:PseudonymKey", PseudonymKey);

        // Far below the default, so that every suite's reads of citizens' histories cross both levels of the citizen index.
        builder.UseSetting("Registry:AccessLog:CitizenIndexBatch", "5");
        builder.UseSetting("Registry:Demo:Citizens", Citizens.ToString());
        foreach (var (category, level) in SqlCapture.Categories)
        {
            builder.UseSetting($"Logging:LogLevel:{category}", level);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Sql));
        if (TestStore.IsPostgres)
        {
            PostgresDatabase = StartsEmpty ? TestStore.Cluster.CreateDatabase() : SeededTemplate.Copy();
            builder.UseSetting("Registry:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Registry", TestStore.Cluster.ConnectionString(PostgresDatabase));
        }

        ConfigureOverrides(builder);
    }

    /// <summary>Settings a subclass changes: another store (PostgreSQL), tighter limits. SQLite files in <see cref="DataDirectory"/> by default.</summary>
    protected virtual void ConfigureOverrides(IWebHostBuilder builder)
    {
    }

    public static string Token(IDictionary<string, object> claims, string key = SigningKey, TimeSpan? lifetime = null) =>
        DevelopmentTokens.Mint(key, "graphql-registry-dev", "graphql-registry", claims, lifetime ?? TimeSpan.FromMinutes(10));

    public static string OrganizationToken(string organizationId, string channel = "NATIONAL_PORTAL", string? purpose = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "svc-" + organizationId, ["org_id"] = organizationId, ["channel"] = channel };
        if (purpose is not null)
        {
            claims["purpose"] = purpose;
        }

        return Token(claims);
    }

    public static string CitizenToken(string personalId, string channel = "NATIONAL_PORTAL") =>
        Token(new Dictionary<string, object> { ["sub"] = personalId, ["personal_id"] = personalId, ["channel"] = channel });

    public static string AuditorToken() => Token(new Dictionary<string, object> { ["sub"] = "auditor-1", ["roles"] = new[] { "auditor" } });

    public static string OfficerToken(string authority, string? unit) => unit is null
        ? Token(new Dictionary<string, object> { ["sub"] = "officer", ["authority"] = authority })
        : Token(new Dictionary<string, object> { ["sub"] = "officer", ["authority"] = authority, ["unit_code"] = unit });

    public async Task<GraphQLReply> QueryAsync(string? token, string query, object? variables = null)
    {
        var client = CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await GraphQLReply.ReadAsync(await client.SendAsync(request));
    }

    public async Task<T> RegistryAsync<T>(Func<RegistryDbContext, Task<T>> read)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    public async Task<T> LogAsync<T>(Func<AccessLogDbContext, Task<T>> read)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AccessLogDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    /// <summary>A read of the log's entries (<see cref="AccessLogDbContext.Entries"/>, unpacked as they stream).</summary>
    public Task<T> LogAsync<T>(Func<AccessLogDbContext, ValueTask<T>> read) => LogAsync(db => read(db).AsTask());

    /// <summary>A connection of the test's own to the registry's store, as the server is configured: to read or tamper with it in SQL.</summary>
    public Task<DbConnection> OpenRegistryAsync() => OpenAsync<RegistryDbContext>();

    /// <summary>A connection of the test's own to the access log's store, as the server is configured.</summary>
    public Task<DbConnection> OpenLogAsync() => OpenAsync<AccessLogDbContext>();

    /// <summary>Runs one statement on the access log's store (an edit an attacker with database access could make); returns the rows it changed.</summary>
    public Task<int> ExecuteOnLogAsync(string sql) => ExecuteAsync(OpenLogAsync(), sql);

    /// <summary>Runs one statement on the registry's store, as another instance, the CLI or an operator could; returns the rows it changed.</summary>
    public Task<int> ExecuteOnRegistryAsync(string sql) => ExecuteAsync(OpenRegistryAsync(), sql);

    private static async Task<int> ExecuteAsync(Task<DbConnection> opening, string sql)
    {
        await using var connection = await opening;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Holds the access log's write lock until disposed, as another writer would: SQLite's write transaction, or
    /// PostgreSQL's lock that every writer takes to extend the chain. The log cannot commit.
    /// </summary>
    public async Task<IAsyncDisposable> HoldLogWriteLockAsync()
    {
        var connection = await OpenLogAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var write = connection.CreateCommand())
        {
            write.Transaction = transaction;
            write.CommandText = TestStore.IsPostgres ? AccessLogStores.PostgresWriterLock : "DELETE FROM \"AccessLogRequests\" WHERE 0";
            await write.ExecuteNonQueryAsync();
        }

        return new LogWriteLock(connection, transaction);
    }

    /// <summary>Keeps this server's PostgreSQL database when the server is disposed (the seeded template).</summary>
    internal void KeepDatabase() => _keepsDatabase = true;

    private async Task<DbConnection> OpenAsync<TContext>() where TContext : DbContext
    {
        await using var context = await Services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync();
        DbConnection connection = context.Database.IsNpgsql()
            ? new Npgsql.NpgsqlConnection(context.Database.GetConnectionString())
            : new Microsoft.Data.Sqlite.SqliteConnection(context.Database.GetConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    private sealed class LogWriteLock(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>A citizen with a father, mother, spouse and household head, so every field has a value.</summary>
    public Task<Citizen> CitizenWithFamilyAsync() => RegistryAsync(db => db.Citizens.AsNoTracking()
        .Where(c => c.FatherId != null && c.MotherId != null && c.SpouseId != null)
        .OrderBy(c => c.PersonalId)
        .FirstAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgresDatabase is { } database && !_keepsDatabase)
        {
            TestStore.Cluster.DropDatabase(database);
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

public sealed record GraphQLReply(HttpStatusCode Status, JsonElement Body, string? RequestId, string? ContentType)
{
    public static async Task<GraphQLReply> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        var requestId = response.Headers.TryGetValues("X-Request-Id", out var values) ? values.First() : null;
        return new GraphQLReply(response.StatusCode, body, requestId, response.Content.Headers.ContentType?.MediaType);
    }

    public bool HasData => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("data", out _);

    public JsonElement Data => Body.GetProperty("data");

    public IReadOnlyList<(string Code, string Path)> Errors =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => (
                e.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "",
                e.TryGetProperty("path", out var path) ? string.Join('.', path.EnumerateArray().Select(p => p.ToString())) : "")).ToList()
            : [];
}

[CollectionDefinition(Name)]
public sealed class SharedServer : ICollectionFixture<RegistryServer>
{
    public const string Name = "shared read-only server";
}
