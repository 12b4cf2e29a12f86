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
    public void Link_WritesOneSpanPerCitizenOfARequest_AndNoneAcrossRequests()
    {
        var batch = ChainLinker.Link(new ChainHead(10, RequestHasher.Genesis), [About("a"), About("a"), About(null), About("a"), About("b"), About("b"), About("b", "next")]);

        Assert.Equal([("a", 11L, 13L), ("b", 15L, 16L), ("b", 17L, 17L)], batch.Spans.Select(s => (s.CitizenRef, s.FirstSequence, s.LastSequence)));
    }

    [Fact]
    public void Link_NumbersARequestCitizenByCitizen_InTheOrderOfEachCitizensFirstEntry()
    {
        // A page: each citizen's own fields, then their relatives' fields resolved after the whole page.
        AccessRecord[] page = [About("a", field: "own"), About("b", field: "own"), About(null, field: "none"), About("father-of-a", field: "relative"),
            About("a", field: "later"), About("father-of-b", field: "relative"), About(null, field: "none-later"), About("b", field: "later")];

        var batch = ChainLinker.Link(ChainHead.Genesis, page);

        Assert.Equal(
            [("a", "own"), ("a", "later"), ("b", "own"), ("b", "later"), (null, "none"), (null, "none-later"), ("father-of-a", "relative"), ("father-of-b", "relative")],
            batch.Records.Select(r => (r.CitizenRef, r.Field)));
        Assert.Equal(["a", "b", "father-of-a", "father-of-b"], batch.Spans.Select(s => s.CitizenRef));
        Assert.Equal("own", page[1].Field);
    }

    [Fact]
    public void Link_HashesTheEntriesInTheOrderItNumbersThem()
    {
        var batch = ChainLinker.Link(ChainHead.Genesis, [About("a"), About("b"), About("a")]);

        var request = Assert.Single(batch.Requests);
        var stored = batch.RecordsOf(request).ToArray().Select(r => HashedEntry.Of(r)).ToArray();
        Assert.Equal(["a", "a", "b"], stored.Select(e => e.CitizenRef));
        Assert.Equal(request.Hash, RequestHasher.Compute(request.PreviousHash, request.Start, request.TimeUnixMs, HashedContext.Of(request.Context), stored));
    }

    [Fact]
    public void Link_WithBuffersKeptFromBatchToBatch_LinksEachBatchAsFreshArraysWould_AndKeepsNoEarlierRecord()
    {
        var buffers = new LinkBuffers();
        var head = ChainHead.Genesis;
        IEnumerable<AccessRecord>[] batches =
        [
            Enumerable.Range(0, 40).Select(n => About($"c{n % 7}") with { Context = LogStore.Record(n / 10, $"page-{n / 10}").Context }),
            [About("a"), About("b")],
            Enumerable.Range(0, 90).Select(n => About($"c{n % 3}")),
            [About("z")],
        ];

        foreach (var records in batches)
        {
            var fresh = ChainLinker.Link(head, records);
            var reused = ChainLinker.Link(head, records, buffers);

            Assert.Equal(fresh.Records, reused.Records);
            Assert.Equal(fresh.Requests.Select(r => (r.Start, r.Offset, r.Count, Convert.ToHexString(r.Hash))),
                reused.Requests.Select(r => (r.Start, r.Offset, r.Count, Convert.ToHexString(r.Hash))));
            Assert.Equal(fresh.Spans.Select(s => (s.CitizenRef, s.FirstSequence, s.LastSequence)), reused.Spans.Select(s => (s.CitizenRef, s.FirstSequence, s.LastSequence)));
            Assert.Equal(fresh.Head, reused.Head);
            Assert.All(buffers.Records.Skip(reused.Records.Count), slot => Assert.Equal(default, slot));
            Assert.All(buffers.Grouped, slot => Assert.Equal(default, slot));
            Assert.All(buffers.Hashed, slot => Assert.Equal(default, slot));
            head = reused.Head;
        }
    }

    [Fact]
    public void Link_GivesEntriesAboutNoCitizenNoSpan_AndNumbersTheSpansAroundThem()
    {
        var batch = ChainLinker.Link(new ChainHead(10, RequestHasher.Genesis), [About("a"), About(null), About("a"), About("b"), About("c", "next")]);

        Assert.Equal([("a", 11L, 12L), ("b", 14L, 14L), ("c", 15L, 15L)], batch.Spans.Select(s => (s.CitizenRef, s.FirstSequence, s.LastSequence)));
    }

    [Fact]
    public void Link_OfNothing_KeepsTheHead()
    {
        var head = new ChainHead(7, new string('a', 64));

        var batch = ChainLinker.Link(head, []);

        Assert.Empty(batch.Requests);
        Assert.Equal(head, batch.Head);
    }

    private static AccessRecord About(string? citizen, string request = "r", string field = "Citizen.fullName") =>
        LogStore.Record(1, request) with { CitizenRef = citizen, Field = field };
}
