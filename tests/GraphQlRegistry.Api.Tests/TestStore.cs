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

    /// <summary>SQL that sets byte <paramref name="offset"/> (from 0) of a request's packed entries to <paramref name="value"/>, as someone with the database could.</summary>
    public static string SetPackedFieldsByte(long requestStart, int offset, byte value) => IsPostgres
        ? $"UPDATE \"AccessLogRequests\" SET \"Fields\" = set_byte(\"Fields\", {offset}, {value}) WHERE \"Start\" = {requestStart}"
        : $"UPDATE \"AccessLogRequests\" SET \"Fields\" = unhex(hex(substr(\"Fields\", 1, {offset})) || '{value:X2}' || hex(substr(\"Fields\", {offset + 2}))) " +
          $"WHERE \"Start\" = {requestStart}";

    /// <summary>SQL that cuts <paramref name="length"/> bytes from byte <paramref name="offset"/> (from 0) out of a request's packed entries.</summary>
    public static string CutPackedFields(long requestStart, int offset, int length) => IsPostgres
        ? $"UPDATE \"AccessLogRequests\" SET \"Fields\" = substring(\"Fields\" FROM 1 FOR {offset}) || substring(\"Fields\" FROM {offset + length + 1}) " +
          $"WHERE \"Start\" = {requestStart}"
        : $"UPDATE \"AccessLogRequests\" SET \"Fields\" = unhex(hex(substr(\"Fields\", 1, {offset})) || hex(substr(\"Fields\", {offset + length + 1}))) " +
          $"WHERE \"Start\" = {requestStart}";

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
