namespace GraphQlRegistry.Policy.Organizations;

public enum AdministrativeLevel
{
    Central,
    Provincial,
    District,
    Commune,
}
