using BenchmarkDotNet.Attributes;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Benchmarks;

/// <summary>Partial masks as a notary gets them on a parent (<c>@whenPartial</c>): the rendering allocates only the masked text.</summary>
[MemoryDiagnoser]
public class MaskingBenchmarks
{
    private const string Id = "079203004567";
    private const string Name = "Nguyễn Thị Minh Khai";

    [Benchmark(Baseline = true)]
    public object? ClearValue() => PartialMasks.Apply(PartialRendering.Clear, Name);

    [Benchmark]
    public object? HiddenValue() => PartialMasks.Apply(PartialRendering.Hidden, Name);

    [Benchmark]
    public object? PersonalIdLastFourDigits() => PartialMasks.Apply(PartialRendering.LastFourDigits, Id);

    [Benchmark]
    public object? FullNameInitials() => PartialMasks.Apply(PartialRendering.Initials, Name);
}
