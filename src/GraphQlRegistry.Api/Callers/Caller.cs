using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Callers;

/// <summary>Who is calling, as the registry established it for this request (claims checked against stored data).</summary>
public abstract record Caller(string Subject, string? Purpose);

/// <summary>The grant a data caller reads under: valid, unrevoked and from a competent authority at this request.</summary>
public sealed record ActiveGrant(
    string Id,
    GrantingAuthority Authority,
    string? AuthorityUnitCode,
    string? ScopeUnitCode,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    string? Purpose,
    GrantedFields Fields);

/// <summary>An organisation or a citizen reading citizen data under a grant.</summary>
public sealed record DataCaller(
    string Subject,
    string? Purpose,
    OrganizationType Type,
    string? OrganizationId,
    string? OrganizationName,
    AdministrativeLevel? Level,
    Channel Channel,
    ActiveGrant Grant,
    string? OwnPersonalId,
    string? OwnCitizenRef) : Caller(Subject, Purpose)
{
    public FieldDecision Decide(FieldRule field) => EntitlementPolicy.Decide(Type, Grant.Authority, Grant.Fields, field);

    public FieldDecision DecideComparison(FieldRule field) => EntitlementPolicy.DecideComparison(Type, Grant.Authority, Grant.Fields, field);
}

/// <summary>A security-team member reading the access log.</summary>
public sealed record AuditorCaller(string Subject, string? Purpose) : Caller(Subject, Purpose);

/// <summary>A police officer heading an authority, who issues and revokes grants.</summary>
public sealed record GrantingOfficerCaller(string Subject, string? Purpose, GrantingAuthority Authority, string? UnitCode) : Caller(Subject, Purpose);
