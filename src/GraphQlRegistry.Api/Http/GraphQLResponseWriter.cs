using GraphQL;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution;

namespace GraphQlRegistry.Api.Http;

/// <summary>Writes results with the status codes of the GraphQL-over-HTTP spec for the negotiated media type.</summary>
public sealed class GraphQLResponseWriter(HttpContext http, IGraphQLTextSerializer serializer, string mediaType)
{
    /// <summary>
    /// Renders a result in memory, to be sent once its entries are committed. An executed result is 200 even with field
    /// errors; one refused before execution is 400 in graphql-response+json.
    /// </summary>
    public Task<RenderedResponse> RenderAsync(ExecutionResult result)
    {
        var refusedBeforeExecution = !result.Executed;
        var status = refusedBeforeExecution && (mediaType == ResponseFormat.GraphQLResponse || HasOwnRefusalCode(result))
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        return RenderAsync(status, result);
    }

    /// <summary>Sends a rendered answer, then gives back its buffers.</summary>
    public async Task SendAsync(RenderedResponse rendered)
    {
        using (rendered)
        {
            await rendered.SendAsync(http.Response, http.RequestAborted);
        }
    }

    /// <summary>
    /// Answers an audited outcome: the result once its entries are committed, 403 for a refused caller, 503 with no
    /// data when the log could not commit.
    /// </summary>
    public Task AnswerAsync<T>(AuditedOutcome<T> outcome, Func<T, Task> writeResult) => outcome.Status switch
    {
        AuditedStatus.Executed => writeResult(outcome.Result!),
        AuditedStatus.Refused => RefuseAsync(StatusCodes.Status403Forbidden, outcome.Refusal!.Value),
        AuditedStatus.AuditUnavailable => RefuseAsync(StatusCodes.Status503ServiceUnavailable, ErrorCode.AuditUnavailable),
    };

    /// <summary>No valid bearer token: 401 with the challenge and <c>UNAUTHENTICATED</c>.</summary>
    public Task RefuseUnauthenticatedAsync()
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return RefuseAsync(StatusCodes.Status401Unauthorized, ErrorCode.Unauthenticated);
    }

    /// <summary>A whole-request refusal with one of our codes: no data key at all.</summary>
    public Task RefuseAsync(int status, ErrorCode code) =>
        WriteAsync(status, new ExecutionResult { Errors = [new RegistryError(code)], Executed = false });

    public Task FailAsync(int status, string message) =>
        WriteAsync(status, new ExecutionResult { Errors = [new ExecutionError(message)], Executed = false });

    private async Task WriteAsync(int status, ExecutionResult result) => await SendAsync(await RenderAsync(status, result));

    private Task<RenderedResponse> RenderAsync(int status, ExecutionResult result) =>
        RenderedResponse.RenderAsync(status, mediaType + "; charset=utf-8", body => serializer.WriteAsync(body, result, http.RequestAborted));

    private static bool HasOwnRefusalCode(ExecutionResult result) =>
        result.Errors?.Any(e => ErrorMessages.IsPreExecutionRefusal(e.Code)) == true;
}
