using GraphQlRegistry.Policy.Grants;

namespace GraphQlRegistry.Data.Entities;

/// <summary>A permit to read citizen fields, held by an organisation or by a citizen (for their own record).</summary>
public sealed class Grant
{
    public required string Id { get; init; }

    public string? OrganizationId { get; init; }

    public string? CitizenPersonalId { get; init; }

    public required GrantingAuthority Authority { get; init; }

    public string? AuthorityUnitCode { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ValidFrom { get; init; }

    public required DateTimeOffset ValidTo { get; init; }

    /// <summary>The field coordinates applied for, separated by spaces (<c>Citizen.fullName Citizen.sex</c>).</summary>
    public required string Fields { get; init; }

    /// <summary>A province, district or commune code; null means nationwide.</summary>
    public string? ScopeUnitCode { get; init; }

    public string? Purpose { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevocationReason { get; set; }

    public IReadOnlyList<string> FieldList => Fields.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinFields(IEnumerable<string> coordinates) => string.Join(' ', coordinates);
}
