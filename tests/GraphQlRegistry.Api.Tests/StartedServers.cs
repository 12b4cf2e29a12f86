using System.Diagnostics;

namespace GraphQlRegistry.Api.Tests;

/// <summary>The child servers a test started, each killed on dispose if it still runs: a failed assertion must not leave a server behind.</summary>
public sealed class StartedServers : IDisposable
{
    private readonly List<Process> _processes = [];

    public Process Start(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        _processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
