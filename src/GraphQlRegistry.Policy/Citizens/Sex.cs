namespace GraphQlRegistry.Policy.Citizens;

public enum Sex
{
    Male,
    Female,
}
