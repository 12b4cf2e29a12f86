using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Execution;
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
        app.UseRegistryIde(app.Services.GetRequiredService<RegistrySettings>());
        app.UseCitizenPage(app.Services.GetRequiredService<RegistrySettings>());
        app.UseAuthentication();
        app.UseMiddleware<CallerResolutionMiddleware>();
        app.UseRateLimiter();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http))
            .WithMetadata(CallerRequired.Metadata)
            .RequireRateLimiting(CallerRateLimiting.Policy);
        app.MapMethods("/graphql", [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        app.MapGet("/graphql/sdl", PrintCallerSchemaAsync)
            .WithMetadata(CallerRequired.Metadata)
            .RequireRateLimiting(CallerRateLimiting.Policy);
    }

    /// <summary>The caller's own SDL, through the audited executor like any other read: a refused caller is logged.</summary>
    private static async Task PrintCallerSchemaAsync(HttpContext http, AuditedExecutor executor, CallerSchema schema, IGraphQLTextSerializer serializer, RegistrySettings settings)
    {
        var requestId = RequestIds.Assign(http);
        var response = new GraphQLResponseWriter(http, serializer, ResponseFormat.Json);
        var authentication = await http.AuthenticateAsync();
        if (!authentication.Succeeded || http.Features.Get<ICallerFeature>() is not { } caller)
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

        var outcome = await executor.RunAsync(caller.Resolution, new RequestTrace(requestId, null), context => schema.PrintForAsync(context.Caller, http.RequestAborted), http.RequestAborted);
        await response.AnswerAsync(outcome, async sdl =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(sdl, http.RequestAborted);
        });
    }
}
