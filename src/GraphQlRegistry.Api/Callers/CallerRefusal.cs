using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Callers;

/// <summary>A request refused as a whole before execution, with what is known of the caller for the access log.</summary>
public sealed record CallerRefusal(
    ErrorCode Code,
    string Subject,
    string? OrganizationId,
    OrganizationType? Type,
    Channel? Channel,
    string? Purpose);

/// <summary>Either the established caller or why the request is refused.</summary>
public readonly record struct CallerResolution(Caller? Caller, CallerRefusal? Refusal)
{
    public static implicit operator CallerResolution(Caller caller) => new(caller, null);

    public static implicit operator CallerResolution(CallerRefusal refusal) => new(null, refusal);
}
