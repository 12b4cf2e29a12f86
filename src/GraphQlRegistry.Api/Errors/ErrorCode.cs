namespace GraphQlRegistry.Api.Errors;

/// <summary>Every error code the API returns (SPEC §3–§4 and ours). Each owns its message in <see cref="ErrorMessages"/>.</summary>
public enum ErrorCode
{
    Unauthenticated,
    NoValidGrant,
    ChannelNotPermitted,
    FieldNotEntitled,
    NotOwnRecord,
    OutOfJurisdiction,
    QueryNotPermitted,
    InvalidPersonalId,
    InvalidCursor,
    InvalidArgument,
    AuthorityNotCompetent,
    NotIssuingAuthority,
    GrantNotFound,
    QueryTooComplex,
    DocumentTooLarge,
    AuditUnavailable,
    RateLimited,
    ErrorsTruncated,
    IntrospectionDisabled,
    DocumentNotTrusted,
    RequestNotInHistory,
}

/// <summary>The wire form and the one message of each code. Messages never carry a personal id or a C# type name.</summary>
public static class ErrorMessages
{
    public static string Wire(this ErrorCode code) => code switch
    {
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.NoValidGrant => "NO_VALID_GRANT",
        ErrorCode.ChannelNotPermitted => "CHANNEL_NOT_PERMITTED",
        ErrorCode.FieldNotEntitled => "FIELD_NOT_ENTITLED",
        ErrorCode.NotOwnRecord => "NOT_OWN_RECORD",
        ErrorCode.OutOfJurisdiction => "OUT_OF_JURISDICTION",
        ErrorCode.QueryNotPermitted => "QUERY_NOT_PERMITTED",
        ErrorCode.InvalidPersonalId => "INVALID_PERSONAL_ID",
        ErrorCode.InvalidCursor => "INVALID_CURSOR",
        ErrorCode.InvalidArgument => "INVALID_ARGUMENT",
        ErrorCode.AuthorityNotCompetent => "AUTHORITY_NOT_COMPETENT",
        ErrorCode.NotIssuingAuthority => "NOT_ISSUING_AUTHORITY",
        ErrorCode.GrantNotFound => "GRANT_NOT_FOUND",
        ErrorCode.QueryTooComplex => "QUERY_TOO_COMPLEX",
        ErrorCode.DocumentTooLarge => "DOCUMENT_TOO_LARGE",
        ErrorCode.AuditUnavailable => "AUDIT_UNAVAILABLE",
        ErrorCode.RateLimited => "RATE_LIMITED",
        ErrorCode.ErrorsTruncated => "ERRORS_TRUNCATED",
        ErrorCode.IntrospectionDisabled => "INTROSPECTION_DISABLED",
        ErrorCode.DocumentNotTrusted => "DOCUMENT_NOT_TRUSTED",
        ErrorCode.RequestNotInHistory => "REQUEST_NOT_IN_HISTORY",
    };

    /// <summary>Our codes that refuse a whole document before execution: HTTP 400 whatever the media type.</summary>
    public static bool IsPreExecutionRefusal(string? code) =>
        code == ErrorCode.FieldNotEntitled.Wire() || code == ErrorCode.QueryTooComplex.Wire() || code == ErrorCode.IntrospectionDisabled.Wire()
            || code == ErrorCode.DocumentNotTrusted.Wire();

    public static string Message(this ErrorCode code) => code switch
    {
        ErrorCode.Unauthenticated => "A valid bearer token is required.",
        ErrorCode.NoValidGrant => "The caller holds no valid grant from a competent authority.",
        ErrorCode.ChannelNotPermitted => "The caller may not use this channel.",
        ErrorCode.FieldNotEntitled => "The caller is not entitled to read this field.",
        ErrorCode.NotOwnRecord => "A citizen may read only their own record.",
        ErrorCode.OutOfJurisdiction => "The record lies outside the unit the grant covers.",
        ErrorCode.QueryNotPermitted => "The caller may not use this operation.",
        ErrorCode.InvalidPersonalId => "A personal identification number is exactly 12 digits.",
        ErrorCode.InvalidCursor => "The cursor is not one this server issued for this query.",
        ErrorCode.InvalidArgument => "An argument is out of range or malformed.",
        ErrorCode.AuthorityNotCompetent => "This authority is not competent to grant to this grantee.",
        ErrorCode.NotIssuingAuthority => "Only the issuing authority may revoke this grant.",
        ErrorCode.GrantNotFound => "No such grant.",
        ErrorCode.QueryTooComplex => "The query is too deep or too complex.",
        ErrorCode.DocumentTooLarge => "The request document is too large.",
        ErrorCode.AuditUnavailable => "The access log is unavailable; no data is served without it.",
        ErrorCode.RateLimited => "Too many requests; retry later.",
        ErrorCode.ErrorsTruncated => "More errors occurred than one response carries.",
        ErrorCode.IntrospectionDisabled => "Introspection is switched off on this server.",
        ErrorCode.DocumentNotTrusted => "This organisation has not registered this document; only registered documents run.",
        ErrorCode.RequestNotInHistory => "No request of the caller's own access history has this id.",
    };
}
