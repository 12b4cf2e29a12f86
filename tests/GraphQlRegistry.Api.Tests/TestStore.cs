using System.Reflection;
using GraphQlRegistry.Api.Tests.Postgres;
using GraphQlRegistry.Data.Storage;

namespace GraphQlRegistry.Api.Tests;

/// <summary>
/// The store this test assembly runs on. The integration suites compile twice, into one project per provider, and the
/// project file names its provider (<c>AssemblyMetadata RegistryTestProvider</c>); on PostgreSQL the run starts one
/// throwaway cluster, and each server or data directory gets a database of its own on it.
/// </summary>
public static class TestStore
{
    public const string ProviderMetadata = "RegistryTestProvider";

    private static readonly Lazy<ThrowawayPostgres> SharedCluster = new(StartCluster);

    public static DatabaseProvider Provider { get; } = ReadProvider();

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>The test run's one PostgreSQL cluster, started on first use and stopped with the test process.</summary>
    public static ThrowawayPostgres Cluster => SharedCluster.Value;

    private static ThrowawayPostgres StartCluster()
    {
        var cluster = new ThrowawayPostgres();
        cluster.StopWithThisProcess();
        return cluster;
    }

    private static DatabaseProvider ReadProvider()
    {
        var named = typeof(TestStore).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == ProviderMetadata)?.Value;
        return Enum.TryParse<DatabaseProvider>(named, out var provider)
            ? provider
            : throw new InvalidOperationException($"The test project names no provider: add <AssemblyMetadata Include=\"{ProviderMetadata}\" Value=\"Sqlite|Postgres\" />.");
    }
}
