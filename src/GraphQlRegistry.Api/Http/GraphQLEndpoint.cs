using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// <c>/graphql</c>, by the GraphQL-over-HTTP spec. The steps, in order: (1) negotiate the response type; (2)
/// authenticate; (3) read the request; (4) establish the caller, refusing the whole request when it holds no valid
/// grant or uses a wrong channel; (5) execute; (6) commit the request's access records; only then (7) answer.
/// A response carrying citizen data never leaves before its records are durable: a log failure turns it into 503.
/// </summary>
public sealed class GraphQLEndpoint(
    IDocumentExecuter<RegistrySchema> executer,
    IGraphQLTextSerializer serializer,
    CallerResolver callers,
    IAccessLogSink accessLog,
    DocumentCache documents,
    ComparisonEntitlementRule comparisonRule,
    DocumentGate gate,
    IHostEnvironment environment,
    RegistrySettings settings,
    IDbContextFactory<RegistryDbContext> registry,
    TimeProvider clock)
{
    public const string RequestIdHeader = "X-Request-Id";

    // Rules that depend on the caller or the variables run for every request; the spec's rules only once per document.
    // Depth and cost are DocumentLimits' (GraphQL.NET's complexity rule walks fragment spreads exponentially).
    private readonly IValidationRule[] _perRequestRules = [comparisonRule];

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString("N");
        http.Response.Headers[RequestIdHeader] = requestId;

        if (ResponseFormat.Negotiate(http.Request) is not { } format)
        {
            http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }

        var response = new GraphQLResponseWriter(http, serializer, format);
        var authentication = await http.AuthenticateAsync();
        if (!authentication.Succeeded)
        {
            await response.RefuseUnauthenticatedAsync();
            return;
        }

        var user = authentication.Principal;
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

        var resolution = await callers.ResolveAsync(user, http.RequestAborted);
        if (resolution.Refusal is { } refusal)
        {
            await RefuseCallerAsync(response, refusal, requestId, operation?.Name?.StringValue, http.RequestAborted);
            return;
        }

        var caller = resolution.Caller!;
        var context = new RegistryRequestContext(caller, AccessContextOf(caller, requestId, operation?.Name?.StringValue), clock, new RelativeLoader(registry));
        var result = await ExecuteAsync(http, request, cached, gate.Refusal(request, cached, nestsTooDeep), context, user);
        if (await CommitAsync(context.Records, http.RequestAborted))
        {
            await response.WriteAsync(ResponseErrors.Shape(result, settings.Options.Limits.MaxErrors, withSchemaHints: environment.IsDevelopment()));
        }
        else
        {
            await response.RefuseAsync(StatusCodes.Status503ServiceUnavailable, ErrorCode.AuditUnavailable);
        }
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, CachedDocument? cached, RegistryError? refusal, RegistryRequestContext context, ClaimsPrincipal user)
    {
        // A document over a limit (or introspection switched off) is refused before validation reads it.
        var result = refusal is not null
            ? new ExecutionResult { Errors = [refusal], Executed = false }
            : await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = cached is null ? request.Query : null,
            Document = cached?.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = context,
            User = user,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            ValidationRules = cached?.PassedSpecValidation == true ? _perRequestRules : [.. DocumentValidator.CoreRules, .. _perRequestRules],
        });

        if (result.Executed)
        {
            cached?.MarkValidated();
            return result;
        }

        // A document refused for one of our reasons (a forbidden comparison, complexity) is evidence too.
        if (result.Errors?.Select(e => e.Code).FirstOrDefault(ErrorMessages.IsPreExecutionRefusal) is { } code)
        {
            context.Record(null, null, null, FieldDecision.Denied(DecisionReason.NoRuleForCaller), code);
        }

        return result;
    }

    /// <summary>Appends the request's records and waits for their commit; false when the log is unavailable.</summary>
    private async Task<bool> CommitAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken)
    {
        try
        {
            await accessLog.AppendAsync(records, cancellationToken);
            return true;
        }
        catch (AccessLogUnavailableException)
        {
            return false;
        }
    }

    private async Task RefuseCallerAsync(GraphQLResponseWriter response, CallerRefusal refusal, string requestId, string? operationName, CancellationToken cancellationToken)
    {
        var access = new AccessContext(requestId, operationName, refusal.Subject, refusal.OrganizationId, refusal.Type, null, null, refusal.Channel, refusal.Purpose);
        var record = new AccessRecord(access, clock.GetUtcNow(), null, null, null, FieldOutcome.Denied, FieldMask.None, refusal.Code.Wire());
        var logged = await CommitAsync([record], cancellationToken);
        await response.RefuseAsync(logged ? StatusCodes.Status403Forbidden : StatusCodes.Status503ServiceUnavailable, logged ? refusal.Code : ErrorCode.AuditUnavailable);
    }

    private static AccessContext AccessContextOf(Caller caller, string requestId, string? operationName)
    {
        var data = caller as DataCaller;
        return new AccessContext(
            requestId,
            operationName,
            caller.Subject,
            data?.OrganizationId,
            data?.Type,
            data?.Grant.Id,
            data?.Grant.Authority,
            data?.Channel,
            caller.Purpose);
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
