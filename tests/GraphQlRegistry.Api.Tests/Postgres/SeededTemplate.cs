namespace GraphQlRegistry.Api.Tests.Postgres;

/// <summary>
/// One PostgreSQL database migrated and seeded by the real server, once per test run; every server then starts on a
/// copy of it (<c>CREATE DATABASE … TEMPLATE</c>, a file copy), not on a fresh migration and seed of its own.
/// </summary>
public static class SeededTemplate
{
    private static readonly Lazy<string> Template = new(Build);

    /// <summary>Builds the template if no server has yet: outside any other server's start-up, never nested in one.</summary>
    public static void Prepare() => _ = Template.Value;

    public static string Copy() => TestStore.Cluster.CreateDatabase(Template.Value);

    private static string Build()
    {
        var server = new Seeder();
        try
        {
            server.CreateClient().Dispose();
        }
        finally
        {
            server.KeepDatabase();
            server.Dispose();
        }

        TestStore.Cluster.Freeze(server.PostgresDatabase!);
        return server.PostgresDatabase!;
    }

    private sealed class Seeder : RegistryServer
    {
        protected override bool StartsEmpty => true;
    }
}
