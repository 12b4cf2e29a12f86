using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GraphQlRegistry.Api.Tests.Postgres;

/// <summary>
/// A PostgreSQL cluster of the test run's own, started from the machine's binaries (initdb, pg_ctl), bound to
/// loopback on a free port, trusted local auth, and stopped and deleted at the end. As root, it runs as user postgres.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _directory;
    private readonly string _binaries;
    private int _disposed;
    private int _databases;

    public ThrowawayPostgres()
    {
        _binaries = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL binaries (initdb, pg_ctl) were not found; install the postgresql package.");
        _directory = Directory.CreateTempSubdirectory("registry-pg-").FullName;
        Port = FreePort();
        Run("chown", "postgres", _directory);
        AsPostgres("initdb", "-D", DataPath, "-A", "trust", "-U", "postgres", "--no-sync");
        AsPostgres("pg_ctl", "-D", DataPath, "-l", Path.Combine(_directory, "log"), "-w", "-o",
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=50";

    private string DataPath => Path.Combine(_directory, "data");

    /// <summary>A new database, empty or a copy of <paramref name="template"/> (which no session may be connected to).</summary>
    public string CreateDatabase(string? template = null)
    {
        var name = $"registry_{Interlocked.Increment(ref _databases)}";
        Execute(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}");
        return name;
    }

    /// <summary>Closes a database to new sessions and ends the open ones, so it can serve as a template.</summary>
    public void Freeze(string database)
    {
        Execute($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
        Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
    }

    public void DropDatabase(string database) => Execute($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");

    /// <summary>
    /// Stops the cluster when this process ends, however it ends: on a normal exit through <see cref="Dispose"/>, and
    /// when the test host is killed, through a watchdog in its own session that outlives it by at most a second.
    /// </summary>
    public void StopWithThisProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        var stop = IsRoot ? $"runuser -u postgres -- {Path.Combine(_binaries, "pg_ctl")}" : Path.Combine(_binaries, "pg_ctl");
        // Its streams go to /dev/null at once: an inherited pipe would keep the test runner waiting for the watchdog.
        Process.Start("setsid", ["sh", "-c", $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"if [ -d '{DataPath}' ]; then {stop} -D '{DataPath}' -m immediate stop; rm -rf '{_directory}'; fi"]).Dispose();
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private void AsPostgres(string tool, params string[] arguments) =>
        Run(IsRoot ? "runuser" : Path.Combine(_binaries, tool), IsRoot ? ["-u", "postgres", "--", Path.Combine(_binaries, tool), .. arguments] : arguments);

    private static bool IsRoot => Environment.UserName == "root";

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error.Result}");
        }
    }

    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")));
        return onPath ?? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(dir => Path.Combine(dir, "bin"))
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Idempotent: test hosts may dispose a fixture both synchronously and asynchronously.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            AsPostgres("pg_ctl", "-D", DataPath, "-m", "immediate", "stop");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
