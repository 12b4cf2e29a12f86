using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQL;
using Microsoft.AspNetCore.Authentication;

namespace GraphQlRegistry.Api.Http;

public static class RegistryEndpoints
{
    public static void MapRegistryEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http))
            .RequireRateLimiting(CallerRateLimiting.Policy);
        app.MapMethods("/graphql", [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        app.MapGet("/graphql/sdl", PrintCallerSchemaAsync).RequireRateLimiting(CallerRateLimiting.Policy);
        app.MapGet("/health", () => Results.Text("ok"));
    }

    private static async Task<IResult> PrintCallerSchemaAsync(HttpContext http, CallerResolver callers, CallerSchema schema, IGraphQLTextSerializer serializer)
    {
        var authentication = await http.AuthenticateAsync();
        if (!authentication.Succeeded)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Refuse(StatusCodes.Status401Unauthorized, ErrorCode.Unauthenticated, serializer);
        }

        var resolution = await callers.ResolveAsync(authentication.Principal, http.RequestAborted);
        return resolution.Refusal is { } refusal
            ? Refuse(StatusCodes.Status403Forbidden, refusal.Code, serializer)
            : Results.Text(await schema.PrintForAsync(resolution.Caller!), "text/plain; charset=utf-8");
    }

    private static IResult Refuse(int status, ErrorCode code, IGraphQLTextSerializer serializer) =>
        Results.Text(serializer.Serialize(new ExecutionResult { Errors = [new RegistryError(code)], Executed = false }), ResponseFormat.Json, statusCode: status);
}
