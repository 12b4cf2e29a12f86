using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Tests.Chain;

/// <summary>The pure linker: every store writes exactly what it returns.</summary>
public sealed class ChainLinkerTests
{
    [Fact]
    public void Link_ContinuesTheChainFromTheHead()
    {
        var first = ChainLinker.Link(ChainHead.Genesis, [LogStore.Record(1), LogStore.Record(2)]);
        var second = ChainLinker.Link(first.Head, [LogStore.Record(3)]);

        Assert.Equal([1L, 2L], first.Entries.Select(e => e.Sequence));
        Assert.Equal(EntryHasher.Genesis, first.Entries[0].PreviousHash);
        Assert.Equal(first.Entries[0].Hash, first.Entries[1].PreviousHash);
        Assert.Equal(new ChainHead(2, first.Entries[1].Hash), first.Head);
        Assert.Equal((3L, first.Head.Hash), (second.Entries[0].Sequence, second.Entries[0].PreviousHash));
    }

    [Fact]
    public void Link_WritesOneSpanPerRunOfEntriesAboutOneCitizen()
    {
        AccessRecord About(string? citizen) => LogStore.Record(1) with { CitizenRef = citizen };

        var batch = ChainLinker.Link(new ChainHead(10, EntryHasher.Genesis), [About("a"), About("a"), About(null), About("a"), About("b"), About("b")]);

        Assert.Equal([("a", 11L, 12L), ("a", 14L, 14L), ("b", 15L, 16L)], batch.Spans.Select(s => (s.CitizenRef, s.FirstSequence, s.LastSequence)));
    }

    [Fact]
    public void Link_OfNothing_KeepsTheHead()
    {
        var head = new ChainHead(7, new string('a', 64));

        var batch = ChainLinker.Link(head, []);

        Assert.Empty(batch.Entries);
        Assert.Equal(head, batch.Head);
    }
}
