using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQlRegistry.Api.Execution.Validation;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.LoadGenerator.Hosts;

/// <summary>
/// B1: GraphQL.NET as a team would set it up without our rules: the same document parsed once and validated once
/// (as the server does), its inputs then read by the server's <see cref="RepeatDocumentValidator"/>, serial execution, the same EF Core reads and JSON options; no token, no caller, no policy, no log.
/// </summary>
public static class PlainGraphQLHost
{
    public static async Task<IAsyncDisposable> StartAsync(RegistrySettings settings, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddPooledDbContextFactory<RegistryDbContext>(o => o.UseRegistryProvider(settings.Provider, settings.RegistryConnectionString));
        builder.Services.AddSingleton(sp => RawHost.LoadUnits(sp.GetRequiredService<IDbContextFactory<RegistryDbContext>>()));
        builder.Services.AddSingleton<CitizenRows>();
        builder.Services.AddSingleton<RelativeRows>();
        builder.Services.AddSingleton<IDocumentValidator, RepeatDocumentValidator>();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<PlainSchema>()
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(PlainSchema).Assembly)
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
        var app = builder.Build();
        var documents = new ConcurrentDictionary<string, ParsedDocument>(StringComparer.Ordinal);
        app.MapPost("/graphql", async (HttpContext http, IGraphQLTextSerializer serializer, IDocumentExecuter<PlainSchema> executer) =>
        {
            var request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted) ?? new GraphQLRequest();
            var parsed = documents.GetOrAdd(request.Query ?? string.Empty, query => new ParsedDocument(GraphQLParser.Parser.Parse(query)));
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Document = parsed.Document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                RequestServices = http.RequestServices,
                CancellationToken = http.RequestAborted,
                ValidationRules = parsed.Validated ? [] : DocumentValidator.CoreRules,
            });
            parsed.Validated |= result.Executed && result.Errors is null;
            http.Response.ContentType = "application/json; charset=utf-8";
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
        });
        app.Services.GetRequiredService<PlainSchema>().Initialize();
        await app.StartAsync();
        return app;
    }

    private sealed class ParsedDocument(GraphQLDocument document)
    {
        public GraphQLDocument Document { get; } = document;

        public volatile bool Validated;
    }
}
