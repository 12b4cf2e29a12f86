using System.Diagnostics.Metrics;
using GraphQlRegistry.AccessLog.Telemetry;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// The server's instruments, on the meter <see cref="AccessLogMetrics.MeterName"/>: requests by outcome, field
/// decisions by decision and organisation type, rate-limit refusals. Each is one call at the place the event happens.
/// Tags are closed sets of names the server owns (outcomes, decisions, types): never a caller's text or an id.
/// Tag values are the enums' cached wire names, so recording allocates nothing.
/// </summary>
public static class RegistryMetrics
{
    private static readonly Meter Meter = new(AccessLogMetrics.MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("registry.requests", "{request}", "HTTP requests by route and outcome.");
    private static readonly Counter<long> FieldDecisions = Meter.CreateCounter<long>("registry.field_decisions", "{field}", "Entitlement decisions by decision and organisation type.");
    private static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>("registry.rate_limit.refusals", "{request}", "Requests refused RATE_LIMITED.");

    public static void RequestAnswered(string route, int status) =>
        Requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("outcome", OutcomeOf(status)));

    public static void FieldDecided(FieldDecision decision, Caller caller) =>
        FieldDecisions.Add(1, new KeyValuePair<string, object?>("decision", WireNames.Of(decision.Outcome)), new KeyValuePair<string, object?>("organization_type", TypeOf(caller)));

    public static void RateLimited() => RateLimitRefusals.Add(1);

    private static string TypeOf(Caller caller) => caller switch
    {
        DataCaller data => WireNames.Of(data.Type),
        AuditorCaller => "AUDITOR",
        GrantingOfficerCaller => "GRANTING_OFFICER",
        _ => "OTHER",
    };

    /// <summary>The outcome a status stands for in this API (SPEC §4): served, or which kind of refusal.</summary>
    private static string OutcomeOf(int status) => status switch
    {
        < 400 => "served",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "refused",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        < 500 => "rejected",
        _ => "failed",
    };
}
