using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// Who asked, under which grant, through which channel and why: the part of an access that is the same for every
/// field of one request. The caller-controlled values are cleaned by <see cref="CallerText"/> as they are set, so no
/// path into the log can skip it.
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
    string? Purpose)
{
    public string? OperationName { get; init => field = CallerText.Clean(value, CallerText.OperationNameMaxLength); } = CallerText.Clean(OperationName, CallerText.OperationNameMaxLength);

    public string? Subject { get; init => field = CallerText.Clean(value, CallerText.SubjectMaxLength); } = CallerText.Clean(Subject, CallerText.SubjectMaxLength);

    public string? OrganizationId { get; init => field = CallerText.Clean(value, CallerText.OrganizationIdMaxLength); } = CallerText.Clean(OrganizationId, CallerText.OrganizationIdMaxLength);

    public string? Purpose { get; init => field = CallerText.Clean(value, CallerText.PurposeMaxLength); } = CallerText.Clean(Purpose, CallerText.PurposeMaxLength);
}

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
    string? Reason)
{
    /// <summary>A response path holds the caller's aliases: cleaned like any caller text.</summary>
    public string? Path { get; init => field = CallerText.Clean(value, CallerText.PathMaxLength); } = CallerText.Clean(Path, CallerText.PathMaxLength);

    /// <summary>The code of a response refused because the log could not commit in time (SPEC §4).</summary>
    public const string UndeliveredReason = "AUDIT_UNAVAILABLE";

    /// <summary>
    /// This access as it is logged when its response was not delivered (the request was answered 503 before the log
    /// committed): nothing was disclosed, so it is denied, with the refusal's code as its reason.
    /// </summary>
    public AccessRecord Undelivered() => this with { Decision = FieldOutcome.Denied, Mask = FieldMask.None, Reason = UndeliveredReason };
}
