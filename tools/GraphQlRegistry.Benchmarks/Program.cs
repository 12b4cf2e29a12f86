using BenchmarkDotNet.Running;
using GraphQlRegistry.Benchmarks;

if (args is ["access-log-size", ..])
{
    return await AccessLogSizeTool.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(FieldDecisionBenchmarks).Assembly).Run(args);
return 0;
