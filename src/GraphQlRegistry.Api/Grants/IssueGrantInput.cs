namespace GraphQlRegistry.Api.Grants;

public sealed class IssueGrantInput
{
    public string? OrganizationId { get; set; }

    public string? CitizenPersonalId { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset ValidTo { get; set; }

    public List<string> Fields { get; set; } = [];

    public string? ScopeUnitCode { get; set; }

    public string? Purpose { get; set; }
}
