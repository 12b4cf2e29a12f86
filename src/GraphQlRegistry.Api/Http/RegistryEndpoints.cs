using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Api.Hosting;
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

    private static async Task PrintCallerSchemaAsync(HttpContext http, CallerResolver callers, CallerSchema schema, IGraphQLTextSerializer serializer, RegistrySettings settings)
    {
        var response = new GraphQLResponseWriter(http, serializer, ResponseFormat.Json);
        var authentication = await http.AuthenticateAsync();
        if (!authentication.Succeeded)
        {
            await response.RefuseUnauthenticatedAsync();
            return;
        }

        // The printed schema is introspection by another road: switched off with it.
        if (settings.Options.Security.Introspection == IntrospectionMode.Off)
        {
            await response.RefuseAsync(StatusCodes.Status403Forbidden, ErrorCode.IntrospectionDisabled);
            return;
        }

        var resolution = await callers.ResolveAsync(authentication.Principal, http.RequestAborted);
        if (resolution.Refusal is { } refusal)
        {
            await response.RefuseAsync(StatusCodes.Status403Forbidden, refusal.Code);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(await schema.PrintForAsync(resolution.Caller!, http.RequestAborted), http.RequestAborted);
    }
}
