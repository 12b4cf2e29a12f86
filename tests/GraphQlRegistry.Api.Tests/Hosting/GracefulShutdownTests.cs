using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GraphQlRegistry.AccessLog.Chain;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>
/// The real server as a child process, started from a foreign working directory, sent SIGTERM under concurrent load:
/// it exits cleanly, requests in flight at the signal are still answered, every answered request has all its entries
/// in the log, the chain verifies, and its output is the configured JSON with no citizen id in it.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private const int EntriesPerKycLookup = 18;
    private readonly StartedServers _servers = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("registry-shutdown-").FullName;
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("registry-cwd-").FullName;
    private readonly ConcurrentQueue<string> _output = new();

    [Fact]
    public async Task SigTermUnderLoad_AnswersInFlightRequestsAndLosesNoEntry()
    {
        var port = ChildServer.FreePort();
        var answered = new ConcurrentBag<(string RequestId, long AnsweredAt)>();
        var server = StartServer(port);
        await ChildServer.WaitUntilAsync(port, server, "/readyz");
        var citizen = await ChildServer.FirstCitizenAsync(port);
        var workers = Enumerable.Range(0, 16).Select(_ => DriveAsync(port, citizen, answered)).ToArray();
        while (answered.Count < 200)
        {
            await Task.Delay(20);
        }

        var signalled = Stopwatch.GetTimestamp();
        Assert.Equal(0, SendSigTerm(server.Id));
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(60)), "the server did not stop within 60 s of SIGTERM");
        await Task.WhenAll(workers);
        server.WaitForExit();

        Assert.Equal(0, server.ExitCode);
        Assert.Contains(answered, a => a.AnsweredAt > signalled);
        Assert.Contains(_output, line => line.Contains("\"EventId\":4002", StringComparison.Ordinal));
        Assert.Contains(_output, line => line.StartsWith('{') && line.Contains("\"EventId\":3001", StringComparison.Ordinal));
        Assert.DoesNotContain(_output, line => line.Contains(citizen, StringComparison.Ordinal));

        await using var log = ChildServer.Log(_dataDirectory);
        var counts = await log.Entries.GroupBy(e => e.RequestId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.All(answered, a => Assert.Equal(EntriesPerKycLookup, counts.GetValueOrDefault(a.RequestId)));
        var verification = await ChainVerifier.VerifyAsync(log);
        Assert.True(verification.Ok, $"chain broken at {verification.FirstBrokenSequence}: {verification.Break}");
    }

    /// <summary>Sends KYC lookups back to back until the server stops answering; records each answered request and when.</summary>
    private static async Task DriveAsync(int port, string citizen, ConcurrentBag<(string, long)> answered)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-credit-institution"));
        var body = "{\"query\":\"{ citizen(personalId: \\\"" + citizen + "\\\") { personalId fullName dateOfBirth sex nationality placeOfOrigin " +
            "permanentAddress { provinceCode province district commune street } currentAddress { provinceCode province district commune street } } }\"}";
        while (true)
        {
            try
            {
                using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && text.Contains("\"fullName\""))
                {
                    answered.Add((response.Headers.GetValues("X-Request-Id").Single(), Stopwatch.GetTimestamp()));
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
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
            WorkingDirectory = _workingDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        ChildServer.UseStore(start, _dataDirectory);
        start.Environment["Registry__Jwt__SigningKey"] = RegistryServer.SigningKey;
        start.Environment["Registry__AccessLog__PseudonymKey"] = RegistryServer.PseudonymKey;
        start.Environment["Registry__Demo__Citizens"] = "300";
        var process = _servers.Start(start);
        process.OutputDataReceived += (_, line) => Capture(line.Data);
        process.ErrorDataReceived += (_, line) => Capture(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>SIGTERM to this child only, by its pid (what a container runtime sends on stop).</summary>
    private static int SendSigTerm(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString()])!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    public void Dispose()
    {
        _servers.Dispose();
        foreach (var directory in new[] { _dataDirectory, _workingDirectory })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
