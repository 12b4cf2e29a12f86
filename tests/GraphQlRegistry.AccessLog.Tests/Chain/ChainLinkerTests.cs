using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Tests.Chain;

/// <summary>The pure linker: every store writes exactly what it returns.</summary>
public sealed class ChainLinkerTests
{
    [Fact]
    public void Link_ContinuesTheChainFromTheHead()
    {
        var first = ChainLinker.Link(ChainHead.Genesis, [LogStore.Record(1, "a"), LogStore.Record(2, "a"), LogStore.Record(3, "b")]);
        var second = ChainLinker.Link(first.Head, [LogStore.Record(4, "c")]);

        Assert.Equal([(1L, 2), (3L, 1)], first.Requests.Select(r => (r.Start, r.Count)));
        Assert.Equal(RequestHasher.Genesis, Convert.ToHexStringLower(first.Requests[0].PreviousHash));
        Assert.Equal(first.Requests[0].Hash, first.Requests[1].PreviousHash);
        Assert.Equal(new ChainHead(3, Convert.ToHexStringLower(first.Requests[1].Hash)), first.Head);
        Assert.Equal((4L, first.Head.Hash), (second.Requests[0].Start, Convert.ToHexStringLower(second.Requests[0].PreviousHash)));
    }

    [Fact]
    public void Link_HashesEachRequestAsOneUnit()
    {
        var batch = ChainLinker.Link(ChainHead.Genesis, Enumerable.Range(0, 18).Select(n => LogStore.Record(n, "kyc")));

        var request = Assert.Single(batch.Requests);
        Assert.Equal((1L, 18, 18L), (request.Start, request.Count, request.Last));
    }

    [Fact]
    public void Link_SplitsARequestWhoseEntriesLieFurtherApartThanAnOffsetReaches()
    {
        var late = LogStore.Record(1, "slow") with { Time = DateTimeOffset.UnixEpoch.AddMilliseconds(ChainLinker.MaxTimeOffsetMs + 1_001) };

        var batch = ChainLinker.Link(ChainHead.Genesis, [LogStore.Record(1, "slow"), late]);

        Assert.Equal(2, batch.Requests.Count);
    }

    [Fact]
    public void Link_WritesOneSpanPerRunOfEntriesAboutOneCitizen_WithinARequest()
    {
        AccessRecord About(string? citizen, string request = "r") => LogStore.Record(1, request) with { CitizenRef = citizen };

        var batch = ChainLinker.Link(new ChainHead(10, RequestHasher.Genesis), [About("a"), About("a"), About(null), About("a"), About("b"), About("b"), About("b", "next")]);

        Assert.Equal([("a", 11L, 12L), ("a", 14L, 14L), ("b", 15L, 16L), ("b", 17L, 17L)], batch.Spans.Select(s => (s.CitizenRef, s.FirstSequence, s.LastSequence)));
    }

    [Fact]
    public void Link_OfNothing_KeepsTheHead()
    {
        var head = new ChainHead(7, new string('a', 64));

        var batch = ChainLinker.Link(head, []);

        Assert.Empty(batch.Requests);
        Assert.Equal(head, batch.Head);
    }
}
