namespace GraphQlRegistry.Data.Entities;

public enum MaritalStatus
{
    Single,
    Married,
    Divorced,
    Widowed,
}
