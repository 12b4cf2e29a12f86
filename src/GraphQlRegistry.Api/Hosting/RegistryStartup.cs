using System.Data.Common;
using GraphQL.Types;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>What runs once before the first request: schemas, demo data, the frozen GraphQL schema, a chain check.</summary>
public static partial class RegistryStartup
{
    public static async Task InitializeRegistryAsync(this IServiceProvider services, RegistrySettings settings)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("GraphQlRegistry.Startup");
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(settings.Options.DataDirectory));
        }

        await using (var registry = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync())
        {
            await PrepareSchemaAsync(registry, "registry", RegistrySettings.RegistryConnectionKey, settings);
            var seeder = new DemoDataSeeder(registry, GrantableFieldsOf(services.GetRequiredService<RuleTable>()));
            if (settings.Options.Demo.Seed && !await seeder.IsSeededAsync())
            {
                LogSeeding(logger, settings.Options.Demo.Citizens);
                await seeder.SeedAsync(new DemoDataOptions(settings.Options.Demo.Citizens, settings.Options.Demo.RandomSeed));
            }
        }

        await using (var log = await services.GetRequiredService<IDbContextFactory<AccessLogDbContext>>().CreateDbContextAsync())
        {
            await PrepareSchemaAsync(log, "access log", AccessLogConnectionSetting(settings), settings);
        }

        services.GetRequiredService<ISchema>().Initialize();
        _ = Task.Run(() => ReportChainAsync(services, logger));
        if (settings.JwtKeyFile is { } keyFile)
        {
            LogDevelopmentKey(logger, keyFile);
        }
    }

    /// <summary>
    /// Migrates the store when asked to; otherwise refuses to serve from a store that is behind this build. A store
    /// that cannot be reached stops start-up with the setting to look at.
    /// </summary>
    private static async Task PrepareSchemaAsync(DbContext store, string name, string connectionSetting, RegistrySettings settings)
    {
        IReadOnlyList<string> pending;
        try
        {
            if (settings.Options.Database.MigrateOnStartup)
            {
                await DatabaseSchema.MigrateAsync(store);
                return;
            }

            pending = await DatabaseSchema.PendingMigrationsAsync(store);
        }
        catch (DbException exception)
        {
            throw new InvalidOperationException($"The {name} store ({settings.Provider}, {connectionSetting}) is unreachable: {exception.Message}", exception);
        }

        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {name} store lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): run `registry migrate`, or set Registry:Database:MigrateOnStartup=true.");
        }
    }

    private static string AccessLogConnectionSetting(RegistrySettings settings) =>
        settings.AccessLogConnectionString == settings.RegistryConnectionString && settings.Provider == DatabaseProvider.Postgres
            ? $"{RegistrySettings.AccessLogConnectionKey}, defaulting to {RegistrySettings.RegistryConnectionKey}"
            : RegistrySettings.AccessLogConnectionKey;

    /// <summary>The fields a grantee of this type may read under a grant from this authority, read off the schema's rules.</summary>
    public static GrantableFields GrantableFieldsOf(RuleTable table) => (type, authority) =>
        table.Grantable.Where(rule => EntitlementPolicy.Admits(type, authority, rule)).Select(rule => rule.Coordinate).ToList();

    /// <summary>A broken chain is evidence: it is reported, and the server serves on.</summary>
    private static async Task ReportChainAsync(IServiceProvider services, ILogger logger)
    {
        try
        {
            await using var log = await services.GetRequiredService<IDbContextFactory<AccessLogDbContext>>().CreateDbContextAsync();
            var verification = await ChainVerifier.VerifyAsync(log, services.GetRequiredService<ChainCheckpoints>());
            if (verification.Ok)
            {
                LogChainOk(logger, verification.EntriesChecked);
            }
            else
            {
                LogChainBroken(logger, verification.FirstBrokenSequence, verification.Break);
            }
        }
        catch (Exception exception)
        {
            LogChainCheckFailed(logger, exception);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Seeding demo data: {Citizens} citizens.")]
    private static partial void LogSeeding(ILogger logger, int citizens);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Development signing key in {KeyFile}. Mint a token: dotnet run --project src/GraphQlRegistry.Cli -- token --org demo-state-agency")]
    private static partial void LogDevelopmentKey(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Access log chain verified: {Entries} entries.")]
    private static partial void LogChainOk(ILogger logger, long entries);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Critical, Message = "Access log chain is BROKEN at entry {Sequence} ({Break}). Serving on; keep the store as evidence.")]
    private static partial void LogChainBroken(ILogger logger, long? sequence, ChainBreak? @break);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Access log chain check could not run.")]
    private static partial void LogChainCheckFailed(ILogger logger, Exception exception);
}
