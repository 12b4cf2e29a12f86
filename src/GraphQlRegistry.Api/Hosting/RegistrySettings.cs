using System.Security.Cryptography;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Storage;
using Microsoft.Data.Sqlite;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// The settings the server runs with, resolved once at start-up: connection strings with their defaults, and the
/// secrets. Outside Development a missing secret stops start-up; in Development it is generated once and kept
/// beside the database, so tokens and pseudonyms survive restarts. Every problem is reported at once, each naming
/// its setting, so an operator fixes a deployment in one round.
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
    public const string ProviderKey = "Registry:Database:Provider";
    public const string SigningKeyKey = "Registry:Jwt:SigningKey";
    public const string PseudonymKeyKey = "Registry:AccessLog:PseudonymKey";
    public const string RegistryConnectionKey = "ConnectionStrings:Registry";
    public const string AccessLogConnectionKey = "ConnectionStrings:AccessLog";

    /// <summary>The chain's published heads (<c>Registry:AccessLog:CheckpointFile</c>), keyed like the pseudonyms.</summary>
    public ChainCheckpoints Checkpoints() => new(
        Options.AccessLog.CheckpointFile ?? Path.Combine(Path.GetFullPath(Options.DataDirectory), "access-log.checkpoints"), PseudonymKey);

    /// <summary>The log writer as configured; a bulk fill may allow its commits longer than the configured timeout.</summary>
    public AccessLogWriterOptions AccessLogWriter(ChainCheckpoints? checkpoints = null, TimeSpan? commitTimeout = null) => new(
        AccessLogProvider, AccessLogConnectionString, commitTimeout ?? TimeSpan.FromSeconds(Options.AccessLog.CommitTimeoutSeconds), Checkpoints: checkpoints,
        CheckpointInterval: TimeSpan.FromSeconds(Options.AccessLog.CheckpointIntervalSeconds), CitizenIndexBatch: Options.AccessLog.CitizenIndexBatch);

    public static RegistrySettings Resolve(IConfiguration configuration, bool isDevelopment)
    {
        var problems = new List<string>();
        var provider = ProviderOf(configuration, problems);
        var options = BindOptions(configuration, provider);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);

        var registry = configuration.GetConnectionString("Registry") ?? provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(dataDirectory, "registry.db")}",
            DatabaseProvider.Postgres => Problem(problems, $"{RegistryConnectionKey} is required with the Postgres provider."),
        };
        var logProvider = options.AccessLog.Provider ?? provider;
        var accessLog = configuration.GetConnectionString("AccessLog") ?? DefaultAccessLog(logProvider, provider, registry, problems);

        string? jwtKeyFile = null;
        var jwtKey = options.Jwt.SigningKey;
        if (jwtKey is null && options.Jwt.Authority is null)
        {
            jwtKeyFile = Path.Combine(dataDirectory, JwtKeyFileName);
            jwtKey = DevelopmentSecret(jwtKeyFile, SigningKeyKey, isDevelopment, problems);
        }

        var pseudonymKey = options.AccessLog.PseudonymKey
            ?? DevelopmentSecret(Path.Combine(dataDirectory, PseudonymKeyFileName), PseudonymKeyKey, isDevelopment, problems);

        RequireKeyLength(jwtKey, SigningKeyKey, problems);
        RequireKeyLength(pseudonymKey, PseudonymKeyKey, problems);
        if (options.AccessLog.CitizenIndexBatch < 1)
        {
            problems.Add("Registry:AccessLog:CitizenIndexBatch must be at least 1.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The server cannot start:" + string.Concat(problems.Select(p => Environment.NewLine + "- " + p)));
        }

        return new RegistrySettings(options, provider, registry, logProvider, accessLog, jwtKey ?? string.Empty, pseudonymKey!, jwtKeyFile);
    }

    /// <summary>Read before binding, which would otherwise fail on an unknown value with a message naming a C# type.</summary>
    private static DatabaseProvider ProviderOf(IConfiguration configuration, List<string> problems)
    {
        var configured = configuration[ProviderKey];
        if (configured is null)
        {
            return DatabaseProvider.Sqlite;
        }

        if (Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !char.IsDigit(configured[0]))
        {
            return provider;
        }

        problems.Add($"{ProviderKey} is '{configured}'; it must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        return DatabaseProvider.Sqlite;
    }

    private static RegistryOptions BindOptions(IConfiguration configuration, DatabaseProvider provider)
    {
        var checkedProvider = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { [ProviderKey] = provider.ToString() })
            .Build();
        return checkedProvider.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
    }

    /// <summary>
    /// The log's store when none is configured: on SQLite, a file beside the registry's (so a run's log never mixes
    /// with another run's, under another pseudonym key); on PostgreSQL, the registry's database.
    /// </summary>
    private static string DefaultAccessLog(DatabaseProvider logProvider, DatabaseProvider registryProvider, string registry, List<string> problems) =>
        (logProvider, registryProvider) switch
        {
            (DatabaseProvider.Sqlite, DatabaseProvider.Sqlite) =>
                $"Data Source={Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(registry).DataSource)) ?? ".", "access-log.db")}",
            (DatabaseProvider.Postgres, DatabaseProvider.Postgres) => registry,
            _ => Problem(problems, $"{AccessLogConnectionKey} is required when the log's provider differs from the registry's."),
        };

    private static string? DevelopmentSecret(string file, string key, bool isDevelopment, List<string> problems)
    {
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        if (!isDevelopment)
        {
            problems.Add($"{key} is not configured. Set it (at least {MinimumKeyBytes} bytes) outside Development.");
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(file, secret);
        return secret;
    }

    private static void RequireKeyLength(string? key, string name, List<string> problems)
    {
        if (key is not null && System.Text.Encoding.UTF8.GetByteCount(key) < MinimumKeyBytes)
        {
            problems.Add($"{name} must be at least {MinimumKeyBytes} bytes of UTF-8 text.");
        }
    }

    /// <summary>Records a problem and stands in an empty connection string, so resolution goes on to find the others.</summary>
    private static string Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return string.Empty;
    }
}
