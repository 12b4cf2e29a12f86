using System.Security.Cryptography;
using GraphQlRegistry.Data.Storage;
using Microsoft.Data.Sqlite;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// The settings the server runs with, resolved once at start-up: connection strings with their defaults, and the
/// secrets. Outside Development a missing secret stops start-up; in Development it is generated once and kept
/// beside the database, so tokens and pseudonyms survive restarts.
/// </summary>
public sealed record RegistrySettings(
    RegistryOptions Options,
    DatabaseProvider Provider,
    string RegistryConnectionString,
    DatabaseProvider AccessLogProvider,
    string AccessLogConnectionString,
    string JwtSigningKey,
    string PseudonymKey,
    string? JwtKeyFile)
{
    public const int MinimumKeyBytes = 32;
    public const string JwtKeyFileName = "jwt-signing.key";
    public const string PseudonymKeyFileName = "pseudonym.key";

    public static RegistrySettings Resolve(IConfiguration configuration, bool isDevelopment)
    {
        var options = configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var provider = options.Database.Provider;

        var registry = configuration.GetConnectionString("Registry") ?? provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(dataDirectory, "registry.db")}",
            DatabaseProvider.Postgres => throw new InvalidOperationException("ConnectionStrings:Registry is required with the Postgres provider."),
        };
        var logProvider = options.AccessLog.Provider ?? provider;
        var accessLog = configuration.GetConnectionString("AccessLog") ?? DefaultAccessLog(logProvider, provider, registry);

        string? jwtKeyFile = null;
        var jwtKey = options.Jwt.SigningKey;
        if (jwtKey is null && options.Jwt.Authority is null)
        {
            jwtKeyFile = Path.Combine(dataDirectory, JwtKeyFileName);
            jwtKey = DevelopmentSecret(jwtKeyFile, "Registry:Jwt:SigningKey", isDevelopment);
        }

        var pseudonymKey = options.AccessLog.PseudonymKey
            ?? DevelopmentSecret(Path.Combine(dataDirectory, PseudonymKeyFileName), "Registry:AccessLog:PseudonymKey", isDevelopment);

        RequireKeyLength(jwtKey, "Registry:Jwt:SigningKey");
        RequireKeyLength(pseudonymKey, "Registry:AccessLog:PseudonymKey");
        return new RegistrySettings(options, provider, registry, logProvider, accessLog, jwtKey ?? string.Empty, pseudonymKey, jwtKeyFile);
    }

    /// <summary>
    /// The log's store when none is configured: on SQLite, a file beside the registry's (so a run's log never mixes
    /// with another run's, under another pseudonym key); on PostgreSQL, the registry's database.
    /// </summary>
    private static string DefaultAccessLog(DatabaseProvider logProvider, DatabaseProvider registryProvider, string registry) =>
        (logProvider, registryProvider) switch
        {
            (DatabaseProvider.Sqlite, DatabaseProvider.Sqlite) =>
                $"Data Source={Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(registry).DataSource)) ?? ".", "access-log.db")}",
            (DatabaseProvider.Postgres, DatabaseProvider.Postgres) => registry,
            _ => throw new InvalidOperationException("ConnectionStrings:AccessLog is required when the log's provider differs from the registry's."),
        };

    private static string DevelopmentSecret(string file, string key, bool isDevelopment)
    {
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException($"{key} is not configured. Set it (at least {MinimumKeyBytes} bytes) outside Development.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(file, secret);
        return secret;
    }

    private static void RequireKeyLength(string? key, string name)
    {
        if (key is not null && System.Text.Encoding.UTF8.GetByteCount(key) < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"{name} must be at least {MinimumKeyBytes} bytes of UTF-8 text.");
        }
    }
}
