using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQlRegistry.Api.Tests;

/// <summary>
/// The real server in process, on a throwaway SQLite data directory seeded with a small deterministic registry.
/// Every test class that changes state gets its own; read-only classes share one through <see cref="SharedServer"/>.
/// </summary>
public class RegistryServer : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";
    public const string PseudonymKey = "test-pseudonym-key-that-is-long-enough-0123456789";
    public const int Citizens = 600;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("registry-test-").FullName;

    public SqlCapture Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Registry:DataDirectory", DataDirectory);
        builder.UseSetting("Registry:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Registry:AccessLog:PseudonymKey", PseudonymKey);
        builder.UseSetting("Registry:Demo:Citizens", Citizens.ToString());
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        builder.ConfigureLogging(logging => logging.AddProvider(Sql));
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

    /// <summary>Holds the SQLite access log's write lock (an open write transaction) until disposed: the log cannot commit.</summary>
    public async Task<IAsyncDisposable> HoldLogWriteLockAsync()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "access-log.db")}");
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var write = connection.CreateCommand())
        {
            write.CommandText = "DELETE FROM \"AccessLogEntries\" WHERE 0";
            await write.ExecuteNonQueryAsync();
        }

        return new LogWriteLock(connection, transaction);
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
