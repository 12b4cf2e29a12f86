using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Auditing;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Api.Execution.Validation;
using GraphQlRegistry.Api.Flags;
using GraphQlRegistry.Api.Grants;
using GraphQlRegistry.Api.Http;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using GraphQlRegistry.Policy.Grants;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Hosting;

public static class RegistryServices
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, RegistrySettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RequestLines>();
        services.AddPooledDbContextFactory<RegistryDbContext>(o => o.UseRegistryProvider(settings.Provider, settings.RegistryConnectionString));
        services.AddPooledDbContextFactory<AccessLogDbContext>(o => o.UseRegistryProvider(settings.AccessLogProvider, settings.AccessLogConnectionString));
        services.AddSingleton(sp => new PreparedReads(settings.Provider, settings.RegistryConnectionString, sp.GetRequiredService<ILogger<PreparedReads>>()));

        services.AddSingleton(_ => new SchemaRules(SchemaRules.EmbeddedSdl()));
        services.AddSingleton(sp => sp.GetRequiredService<SchemaRules>().Table);
        services.AddSingleton(_ => new CitizenPseudonym(settings.PseudonymKey));
        services.AddSingleton(sp => LoadSync(sp, UnitDirectory.LoadAsync));
        services.AddSingleton(sp => LoadSync(sp, async (db, ct) =>
            new CompetenceTable((await db.GrantingCompetences.AsNoTracking().ToListAsync(ct)).Select(row => row.ToRule()))));

        services.AddSingleton<IAccessLogSink>(sp => new GroupCommitAccessLog(
            settings.AccessLogWriter(sp.GetRequiredService<ChainCheckpoints>()),
            sp.GetRequiredService<ILogger<GroupCommitAccessLog>>()));

        services.AddSingleton<Grantees>();
        services.AddSingleton<OrganizationRecordCache>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<CitizenQueries>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<GrantLedger>();
        services.AddSingleton<GrantIssuance>();
        services.AddSingleton<AccessFlagging>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton(_ => new DocumentGate(
            QueryLimits.From(settings.Options.Limits, GraphQLParser.Parser.Parse(SchemaRules.EmbeddedSdl())), settings.Options.Security.Introspection));
        services.AddSingleton<ComparisonEntitlementRule>();
        services.AddSingleton<TrustedDocuments>();
        services.AddSingleton(_ => settings.Checkpoints());
        services.AddSingleton<AuditedExecutor>();
        services.AddSingleton<GraphQLExecution>();
        services.AddSingleton<GraphQLEndpoint>();
        services.AddSingleton<CallerView>();
        services.AddHttpContextAccessor();
        services.AddSingleton<CallerIntrospectionFilter>();
        services.AddSingleton<CallerSchema>();

        // Before AddGraphQL, which registers its own validator only where none is.
        services.AddSingleton<IDocumentValidator, RepeatDocumentValidator>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<RegistrySchema>()
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(RegistrySchema).Assembly)
            .UseMiddleware<EntitlementMiddleware>()
            .UseTelemetry(RegistryTelemetry.ConfigureGraphQLTelemetry)
            // Serial: log records keep the response's field order, and no two resolvers share a context concurrently.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));

        services.AddRegistryJwt(settings);
        services.AddCallerRateLimiting(settings);
        return services;
    }

    private static T LoadSync<T>(IServiceProvider services, Func<RegistryDbContext, CancellationToken, Task<T>> load)
    {
        using var db = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext();
        return load(db, CancellationToken.None).GetAwaiter().GetResult();
    }
}
