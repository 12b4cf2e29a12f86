using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Reading;

/// <summary>What an auditor narrows the log to. The citizen is given by pseudonymous reference, computed by the server.</summary>
public sealed record AccessLogFilter(
    string? CitizenRef = null,
    string? OrganizationId = null,
    OrganizationType? OrganizationType = null,
    string? Field = null,
    FieldOutcome? Decision = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);

public enum AccessStatsDimension
{
    Organization,
    OrganizationType,
    Field,
    Decision,
    Day,
}

/// <summary>One group of <c>accessStats</c>: the grouped-by attributes (others null) and how many entries fell in it.</summary>
public sealed record AccessStatsBucket(
    string? OrganizationId,
    OrganizationType? OrganizationType,
    string? Field,
    FieldOutcome? Decision,
    DateOnly? Day,
    long Count);
