namespace GraphQlRegistry.Data.Storage;

/// <summary>The value of <c>Registry:Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
