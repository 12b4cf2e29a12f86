namespace GraphQlRegistry.Api.Authentication;

/// <summary>The claim names of SPEC §1.</summary>
public static class RegistryClaims
{
    public const string Subject = "sub";
    public const string OrganizationId = "org_id";
    public const string PersonalId = "personal_id";
    public const string Channel = "channel";
    public const string Purpose = "purpose";
    public const string Authority = "authority";
    public const string UnitCode = "unit_code";
    public const string Roles = "roles";
    public const string AuditorRole = "auditor";
}
