using System.Diagnostics;
using GraphQL.Telemetry;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// OpenTelemetry: traces of requests, GraphQL execution and PostgreSQL calls; the server's metrics and ASP.NET Core's;
/// logs. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the standard <c>OTEL_*</c>
/// variables); otherwise nothing leaves the process, and spans are not even recorded. No span carries what a caller sent: the query string and
/// the path are replaced by the route, the GraphQL document is not recorded, an operation name is redacted like
/// every caller's text in the access log. Npgsql's spans carry the parameterised SQL, never parameter values.
/// </summary>
public static class RegistryTelemetry
{
    public const string ServiceName = "graphql-registry";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddRegistryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporting = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                    {
                        aspNetCore.RecordException = false;
                        aspNetCore.EnrichWithHttpResponse = (activity, response) => activity.SetTag("url.path", RouteOf(response.HttpContext)).SetTag("url.query", null);
                    })
                    .AddSource(GraphQLTelemetryProvider.SourceName)
                    .AddNpgsql();
                if (!exporting)
                {
                    // Spans nobody exports are not recorded: building and tagging them was a measurable share of a request.
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(AccessLogMetrics.MeterName)
                .AddNpgsqlInstrumentation())
            .WithLogging();
        if (exporting)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>GraphQL.NET's execution spans, with the caller's operation name redacted and no document.</summary>
    public static void ConfigureGraphQLTelemetry(GraphQLTelemetryOptions options)
    {
        options.RecordDocument = false;
        options.EnrichWithDocument = (activity, _, _, _, operation) => RedactOperationName(activity, operation.Name?.StringValue);
    }

    /// <summary>The route the request matched, never the path it sent (a path may carry a personal id).</summary>
    public static string RouteOf(HttpContext http) => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";

    private static void RedactOperationName(Activity activity, string? operationName)
    {
        var redacted = CallerText.Clean(operationName, CallerText.OperationNameMaxLength);
        activity.SetTag("graphql.operation.name", redacted);
        activity.DisplayName = redacted is null ? activity.OperationName : $"{activity.OperationName} {redacted}";
    }
}
