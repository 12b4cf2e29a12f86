using GraphQL;
using GraphQLParser.AST;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Api.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// <c>/graphql</c>, by the GraphQL-over-HTTP spec. The steps, in order: (1) negotiate the response type; (2)
/// authenticate; (3) read the request; (4) run it through the <see cref="AuditedExecutor"/> as the caller the
/// middleware established, the result rendered in memory while its entries commit; (5) answer the outcome. The executor
/// guarantees the entries are committed first.
/// </summary>
public sealed class GraphQLEndpoint(
    IGraphQLTextSerializer serializer,
    AuditedExecutor executor,
    GraphQLExecution graphQL,
    DocumentCache documents,
    RegistrySettings settings)
{
    public async Task HandleAsync(HttpContext http)
    {
        var requestId = RequestIds.Assign(http);

        // :: Step 1: the media type to answer in.
        if (ResponseFormat.Negotiate(http.Request) is not { } format)
        {
            http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }

        // :: Step 2: a valid bearer token.
        var response = new GraphQLResponseWriter(http, serializer, format);
        var authentication = await http.AuthenticateAsync();
        if (!authentication.Succeeded || http.Features.Get<ICallerFeature>() is not { } caller)
        {
            await response.RefuseUnauthenticatedAsync();
            return;
        }

        // :: Step 3: the request, within its size limit; mutations over POST only.
        var (request, failureStatus, failure) = await GraphQLHttpRequest.ReadAsync(http, serializer, settings.Options.Limits.MaxDocumentBytes);
        if (request is null)
        {
            await (failureStatus == StatusCodes.Status413PayloadTooLarge
                ? response.RefuseAsync(StatusCodes.Status413PayloadTooLarge, ErrorCode.DocumentTooLarge)
                : response.FailAsync(failureStatus!.Value, failure!));
            return;
        }

        var cached = documents.Get(request.Query!, out var nestsTooDeep);
        var operation = SelectedOperation(cached?.Document, request.OperationName);
        if (HttpMethods.IsGet(http.Request.Method) && operation?.Operation == OperationType.Mutation)
        {
            http.Response.Headers.Allow = "POST";
            await response.FailAsync(StatusCodes.Status405MethodNotAllowed, "Mutations are accepted over POST only.");
            return;
        }

        // :: Step 4: execution, audited.
        var trace = new RequestTrace(requestId, operation?.Name?.StringValue);
        var outcome = await executor.RunAsync(caller.Resolution, trace,
            context => graphQL.ExecuteAsync(context, request, cached, nestsTooDeep, authentication.Principal, http.RequestServices, http.RequestAborted),
            response.RenderAsync, http.RequestAborted);

        // :: Step 5: the answer.
        await response.AnswerAsync(outcome, response.SendAsync);
    }

    /// <summary>The operation the request runs: the named one, or the only one.</summary>
    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }
}
