using CsCheck;
using GraphQlRegistry.AccessLog.Storage;

namespace GraphQlRegistry.AccessLog.Tests.Storage;

/// <summary>
/// The merge plan over the runs table: which runs merge, into which new run, and which keys each slice moves. The
/// property test runs the plan against a model of the table: whatever the settles and the work granted, every key is
/// in exactly one run, and the runs stay few.
/// </summary>
public sealed class CitizenIndexCompactionTests
{
    private const int Batch = 16;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(Batch * 8 - 1, 0)]
    [InlineData(Batch * 8, 1)]
    [InlineData(Batch * 64 - 1, 1)]
    [InlineData(Batch * 64, 2)]
    [InlineData(long.MaxValue, 19)]
    public void TierOf_CountsFactorsOfFanInAboveTheBatch(long rows, int tier) => Assert.Equal(tier, CitizenIndexCompaction.TierOf(rows, Batch));

    [Fact]
    public void SevenIdleRunsOfATier_StayAsTheyAre()
    {
        var step = CitizenIndexCompaction.Plan(Runs(7, Batch), Batch, Batch);
        Assert.Empty(step.Starts);
        Assert.Null(step.Slice);
    }

    [Fact]
    public void EightIdleRunsOfATier_MergeIntoANewRun_WhoseFirstSliceStartsAtTheFirstKey()
    {
        var runs = Runs(8, Batch).Append(new CitizenIndexRun { Run = 20, Rows = Batch * 8 }).ToArray();

        var step = CitizenIndexCompaction.Plan(runs, Batch, Batch * 2);

        var start = Assert.Single(step.Starts);
        Assert.Equal((21L, Batch * 8L), (start.Target, start.Rows));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], start.Sources);
        Assert.Equal(new MergeSlice(21, "", "4000000000000000"), step.Slice);
    }

    [Fact]
    public void MergesInProgress_TheSmallestMovesFirst_FromWhereItStopped()
    {
        CitizenIndexRun[] runs =
        [
            new() { Run = 1, Rows = 900, MergingInto = 3 }, new() { Run = 2, Rows = 100, MergingInto = 4 },
            new() { Run = 3, Rows = 900, MergedBelow = "c000000000000000" }, new() { Run = 4, Rows = 100, MergedBelow = "8000000000000000" },
        ];

        Assert.Equal(new MergeSlice(4, "8000000000000000", "c000000000000000"), CitizenIndexCompaction.Plan(runs, Batch, 25).Slice);
    }

    [Theory]
    [InlineData("f000000000000000", 50, null)]
    [InlineData("8000000000000000", 100, null)]
    [InlineData("not hexadecimal!", 1, null)]
    [InlineData("'; DROP TABLE x", 1, null)]
    public void ASliceThatReachesTheEndOfTheKeySpace_MovesEverythingLeft(string from, long rows, string? until)
    {
        var slice = CitizenIndexCompaction.Plan([new() { Run = 1, Rows = 100, MergingInto = 2 }, new() { Run = 2, Rows = 100, MergedBelow = from }], Batch, rows).Slice!.Value;

        Assert.Equal(until, slice.Until);
        Assert.Matches("^([0-9a-f]{16})?$", slice.From);
    }

    [Fact]
    public void Slices_CoverTheKeySpaceInOrder_WithoutGapOrOverlap()
    {
        var bounds = new List<string>();
        string? from = "";
        while (from is not null)
        {
            var runs = new CitizenIndexRun[] { new() { Run = 1, Rows = 1000, MergingInto = 2 }, new() { Run = 2, Rows = 1000, MergedBelow = from } };
            var slice = CitizenIndexCompaction.Plan(runs, Batch, 300).Slice!.Value;
            Assert.Equal(from, slice.From);
            bounds.Add(slice.From);
            from = slice.Until;
        }

        Assert.Equal(4, bounds.Count);
        Assert.Equal(bounds.Order(StringComparer.Ordinal), bounds);
    }

    public static TheoryData<string> Orders() => ["byte by byte", "backwards"];

    /// <summary>"backwards" stands for a database that orders text otherwise than the planner: slices may then be empty or miss keys, the last takes them.</summary>
    [Theory]
    [MemberData(nameof(Orders))]
    public void WhateverIsSettledAndGranted_EveryKeyIsInExactlyOneRun_AndTheRunsStayFew(string order)
    {
        IComparer<string> comparer = order == "backwards" ? Comparer<string>.Create((x, y) => string.CompareOrdinal(y, x)) : StringComparer.Ordinal;
        var settles = Gen.Int[1, 3 * Batch].Select(Gen.Int[0, 200], (size, work) => (Size: size, Work: work)).Array[1, 400];
        settles.Sample(steps =>
        {
            var model = new RunsModel(comparer);
            var keys = 0;
            foreach (var (size, work) in steps)
            {
                model.Settle(Enumerable.Range(keys, size).Select(Key));
                keys += size;
                model.Apply(CitizenIndexCompaction.Plan(model.Runs, Batch, Math.Max(Batch, size * 8 + work)));
                Assert.Equal(Enumerable.Range(0, keys).Select(Key).Order(StringComparer.Ordinal), model.AllKeys().Order(StringComparer.Ordinal));
                Assert.True(model.Runs.Count <= 2 * CitizenIndexCompaction.FanIn * 4, $"{model.Runs.Count} runs");
            }

            for (var i = 0; i < 10_000 && model.Runs.Any(r => r.MergedBelow is not null); i++)
            {
                model.Apply(CitizenIndexCompaction.Plan(model.Runs, Batch, Batch));
            }

            Assert.DoesNotContain(model.Runs, r => r.MergedBelow is not null || r.MergingInto is not null);
            Assert.Equal(keys, model.Runs.Sum(r => r.Rows));
        }, iter: 60);
    }

    private static string Key(int n) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(n)))[..CitizenIndexRow.KeyLength];

    private static CitizenIndexRun[] Runs(int count, long rows) => [.. Enumerable.Range(1, count).Select(i => new CitizenIndexRun { Run = i, Rows = rows })];

    /// <summary>The runs table and each run's keys, changed as the store's statements change them.</summary>
    private sealed class RunsModel(IComparer<string> order)
    {
        private readonly Dictionary<long, List<string>> _keys = [];

        public List<CitizenIndexRun> Runs { get; } = [];

        public IEnumerable<string> AllKeys() => _keys.Values.SelectMany(k => k);

        public void Settle(IEnumerable<string> keys)
        {
            var run = Runs.Count == 0 ? 1 : Runs.Max(r => r.Run) + 1;
            _keys[run] = [.. keys.Order(StringComparer.Ordinal)];
            Runs.Add(new CitizenIndexRun { Run = run, Rows = _keys[run].Count });
        }

        public void Apply(CompactionStep step)
        {
            foreach (var start in step.Starts)
            {
                Runs.Add(new CitizenIndexRun { Run = start.Target, Rows = start.Rows, MergedBelow = "" });
                _keys[start.Target] = [];
                Runs.Where(r => start.Sources.Contains(r.Run)).ToList().ForEach(r => r.MergingInto = start.Target);
            }

            if (step.Slice is not { } slice)
            {
                return;
            }

            var sources = Runs.Where(r => r.MergingInto == slice.Target).Select(r => r.Run).ToList();
            bool InSlice(string key) => slice.Until is null || (order.Compare(key, slice.From) >= 0 && order.Compare(key, slice.Until) < 0);
            var moved = sources.SelectMany(source => _keys[source].Where(InSlice)).Order(order).ToList();
            Assert.True(order != StringComparer.Ordinal || _keys[slice.Target].Count == 0 || moved.Count == 0 || order.Compare(_keys[slice.Target][^1], moved[0]) < 0,
                "a slice appends at the run's end");
            _keys[slice.Target].AddRange(moved);
            sources.ForEach(source => _keys[source].RemoveAll(InSlice));

            var target = Runs.Single(r => r.Run == slice.Target);
            target.MergedBelow = slice.Until;
            if (slice.Until is null)
            {
                Assert.All(sources, source => Assert.Empty(_keys[source]));
                Runs.RemoveAll(r => sources.Contains(r.Run));
                sources.ForEach(source => _keys.Remove(source));
            }
        }
    }
}
