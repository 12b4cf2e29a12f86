using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GraphQlRegistry.Api.Tests;

/// <summary>What tests that run the real server as a child process share: a free loopback port, and waiting for it.</summary>
public static class ChildServer
{
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
