using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// Who asked, under which grant, through which channel and why: the part of an access that is the same for every
/// field of one request.
/// </summary>
public sealed record AccessContext(
    string RequestId,
    string? OperationName,
    string? Subject,
    string? OrganizationId,
    OrganizationType? OrganizationType,
    string? GrantId,
    GrantingAuthority? GrantAuthority,
    Channel? Channel,
    string? Purpose);

/// <summary>
/// One access to append: a resolved field (with its decision) or a request refused as a whole (with its reason).
/// <see cref="CitizenRef"/> is already pseudonymous; nothing here holds a personal id.
/// </summary>
public readonly record struct AccessRecord(
    AccessContext Context,
    DateTimeOffset Time,
    string? CitizenRef,
    string? Field,
    string? Path,
    FieldOutcome Decision,
    FieldMask Mask,
    string? Reason);
