using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Api.Tests.Postgres;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests;

/// <summary>What tests that run the real server as a child process share: a free loopback port, its store, and waiting for it.</summary>
public static class ChildServer
{
    /// <summary>On PostgreSQL, each data directory's database: a server restarted on the same directory finds its store again.</summary>
    private static readonly ConcurrentDictionary<string, string> Databases = new();

    /// <summary>
    /// Points a child server kept in <paramref name="dataDirectory"/> at the test assembly's provider: SQLite files in
    /// that directory, or on PostgreSQL a seeded database of the directory's own.
    /// </summary>
    public static void UseStore(ProcessStartInfo start, string dataDirectory)
    {
        start.Environment["Registry__DataDirectory"] = dataDirectory;
        if (TestStore.IsPostgres)
        {
            start.Environment["Registry__Database__Provider"] = "Postgres";
            start.Environment["ConnectionStrings__Registry"] = ConnectionString(dataDirectory);
        }
    }

    /// <summary>The access log of the child server kept in <paramref name="dataDirectory"/>, read by the test directly.</summary>
    public static AccessLogDbContext Log(string dataDirectory)
    {
        var options = new DbContextOptionsBuilder<AccessLogDbContext>();
        options.UseRegistryProvider(TestStore.Provider, TestStore.IsPostgres ? ConnectionString(dataDirectory) : $"Data Source={Path.Combine(dataDirectory, "access-log.db")};Pooling=false");
        return new AccessLogDbContext(options.Options);
    }

    private static string ConnectionString(string dataDirectory) =>
        TestStore.Cluster.ConnectionString(Databases.GetOrAdd(dataDirectory, _ => SeededTemplate.Copy()));

    /// <summary>The API as this test run built it (same configuration), to start as a child process.</summary>
    public static string ApiDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(Schema.SchemaFileTests.RepositoryRoot(), "src", "GraphQlRegistry.Api", "bin", configuration, "net10.0", "GraphQlRegistry.Api.dll");
    }

    /// <summary>The personal id of the first citizen of a child server's demo registry.</summary>
    public static async Task<string> FirstCitizenAsync(int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        var reply = await GraphQLReply.ReadAsync(await client.PostAsync("/graphql",
            new StringContent("{\"query\":\"{ citizens(first: 1) { edges { node { personalId } } } }\"}", Encoding.UTF8, "application/json")));
        return reply.Data.GetProperty("citizens").GetProperty("edges")[0].GetProperty("node").GetProperty("personalId").GetString()!;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="path"/> (<c>/healthz</c> or <c>/readyz</c>) until it answers 2xx, for at most a minute.</summary>
    public static async Task WaitUntilAsync(int port, Process server, string path)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}{path}")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The server did not answer {path}.");
    }
}
