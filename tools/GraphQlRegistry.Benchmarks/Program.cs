using BenchmarkDotNet.Running;
using GraphQlRegistry.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(FieldDecisionBenchmarks).Assembly).Run(args);
