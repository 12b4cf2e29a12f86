using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;

namespace GraphQlRegistry.Policy.Grants;

/// <summary>
/// Who holds a grant, as the registry knows them: type and level from the organisation record (never from a
/// token), and the places that decide territorial competence (an organisation's head office; a citizen's
/// permanent and temporary residence).
/// </summary>
public sealed record Grantee(OrganizationType Type, AdministrativeLevel? Level, IReadOnlyList<UnitPath> Locations);
