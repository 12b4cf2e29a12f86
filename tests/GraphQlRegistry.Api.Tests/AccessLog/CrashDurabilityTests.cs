using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GraphQlRegistry.AccessLog.Chain;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.AccessLog;

/// <summary>
/// The real server as a child process, SIGKILLed under concurrent load, then restarted: every response a client
/// received has all its entries in the log, and the chain verifies.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const int EntriesPerKycLookup = 18;
    private readonly StartedServers _servers = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("registry-crash-").FullName;

    [Fact]
    public async Task KillMidLoad_LosesNoEntryOfAnyAnsweredResponse()
    {
        var port = ChildServer.FreePort();
        var answered = new ConcurrentBag<string>();
        var server = StartServer(port);
        await ChildServer.WaitUntilAsync(port, server, "/healthz");
        var citizen = await ChildServer.FirstCitizenAsync(port);
        using var load = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 16).Select(_ => DriveAsync(port, citizen, answered, load.Token)).ToArray();
        while (answered.Count < 200)
        {
            await Task.Delay(20);
        }

        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        load.Cancel();
        await Task.WhenAll(workers);

        var restarted = StartServer(port);
        await ChildServer.WaitUntilAsync(port, restarted, "/healthz");
        await using var log = ChildServer.Log(_dataDirectory);
        var counts = await log.Entries.GroupBy(e => e.RequestId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.All(answered, requestId => Assert.Equal(EntriesPerKycLookup, counts.GetValueOrDefault(requestId)));
        var verification = await ChainVerifier.VerifyAsync(log);
        Assert.True(verification.Ok, $"chain broken at {verification.FirstBrokenSequence}: {verification.Break}");
    }

    private static async Task DriveAsync(int port, string citizen, ConcurrentBag<string> answered, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-credit-institution"));
        var body = "{\"query\":\"{ citizen(personalId: \\\"" + citizen + "\\\") { personalId fullName dateOfBirth sex nationality placeOfOrigin " +
            "permanentAddress { provinceCode province district commune street } currentAddress { provinceCode province district commune street } } }\"}";
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"), stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                if (response.StatusCode == HttpStatusCode.OK && text.Contains("\"fullName\""))
                {
                    answered.Add(response.Headers.GetValues("X-Request-Id").Single());
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                return;
            }
        }
    }

    private Process StartServer(int port)
    {
        var dll = ChildServer.ApiDll();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        ChildServer.UseStore(start, _dataDirectory);
        start.Environment["Registry__Jwt__SigningKey"] = RegistryServer.SigningKey;
        start.Environment["Registry__AccessLog__PseudonymKey"] = RegistryServer.PseudonymKey;
        start.Environment["Registry__Demo__Citizens"] = "300";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = _servers.Start(start);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public void Dispose()
    {
        _servers.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
