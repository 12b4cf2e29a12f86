using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Data.Entities;

/// <summary>A province, district or commune. The hierarchy is data: <see cref="ParentCode"/>, not the shape of a code.</summary>
public sealed class AdministrativeUnit
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required AdministrativeLevel Level { get; init; }

    public string? ParentCode { get; init; }
}
