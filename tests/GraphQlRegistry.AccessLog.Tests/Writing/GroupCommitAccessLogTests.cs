using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Tests.Writing;

public sealed class GroupCommitAccessLogTests
{
    [Fact]
    public async Task ConcurrentRequests_AreAllCommittedInOneUnbrokenChain()
    {
        await using var store = await LogStore.CreateAsync();
        var requests = Enumerable.Range(0, 200).Select(r =>
            Task.Run(() => store.Writer.AppendAsync(Enumerable.Range(0, 18).Select(n => LogStore.Record(n, $"req-{r}")).ToList(), CancellationToken.None)));
        await Task.WhenAll(requests);

        await using var db = store.Context();
        Assert.Equal(200 * 18, await db.Entries.CountAsync());
        Assert.All(await db.Entries.GroupBy(e => e.RequestId).Select(g => g.Count()).ToListAsync(), count => Assert.Equal(18, count));
        Assert.True((await ChainVerifier.VerifyAsync(db)).Ok);
    }

    [Fact]
    public async Task ARequestsEntries_AreContiguous()
    {
        await using var store = await LogStore.CreateAsync();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(r =>
            Task.Run(() => store.Writer.AppendAsync(Enumerable.Range(0, 5).Select(n => LogStore.Record(n, $"req-{r}")).ToList(), CancellationToken.None))));

        await using var db = store.Context();
        var spans = await db.Entries.GroupBy(e => e.RequestId).Select(g => g.Max(e => e.Sequence) - g.Min(e => e.Sequence)).ToListAsync();
        Assert.All(spans, span => Assert.Equal(4, span));
    }

    [Fact]
    public async Task EveryEntry_ReadsBackAsWritten_WhateverTheRowsBeforeItHeld()
    {
        // The statements keep a parameter's value from row to row: values that change, repeat and turn null in turn.
        static AccessRecord Varied(int n, string request) => LogStore.Record(1, request) with
        {
            Time = DateTimeOffset.UnixEpoch.AddSeconds(1).AddMilliseconds(n % 3),
            Field = n % 11 == 0 ? null : "Citizen.f" + n % 4,
            Path = n % 7 == 0 ? null : "citizen.p" + n % 5,
            Decision = (FieldOutcome)(n % 3),
            Mask = n % 3 == 1 ? FieldMask.Partial : FieldMask.None,
            Reason = n % 3 == 2 ? "FIELD_NOT_ENTITLED" : n % 13 == 0 ? "AUDIT_UNAVAILABLE" : null,
        };
        await using var store = await LogStore.CreateAsync();
        var written = new List<AccessRecord>();
        foreach (var (request, count) in new[] { ("a", 40), ("b", 71), ("c", 5), ("d", 33) })
        {
            var records = Enumerable.Range(written.Count, count).Select(n => Varied(n, request)).ToList();
            await store.Writer.AppendAsync(records, CancellationToken.None);
            written.AddRange(records);
        }

        await using var db = store.Context();
        var read = await db.Entries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(
            written.Select(r => (r.Context.RequestId, r.Time.ToUnixTimeMilliseconds(), r.Field, r.Path, r.Decision, r.Mask, r.Reason)),
            read.Select(e => (e.RequestId, e.TimeUnixMs, e.Field, e.Path, e.Decision, e.Mask, e.Reason)));
    }

    [Fact]
    public async Task WriterRestartedOnAnExistingLog_ExtendsTheSameChain()
    {
        await using var store = await LogStore.CreateAsync();
        await store.Writer.AppendAsync([LogStore.Record(1)], CancellationToken.None);
        await using (var second = new GraphQlRegistry.AccessLog.Writing.GroupCommitAccessLog(
            new GraphQlRegistry.AccessLog.Writing.AccessLogWriterOptions(Data.Storage.DatabaseProvider.Sqlite, store.ConnectionString, TimeSpan.FromSeconds(5)),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<GraphQlRegistry.AccessLog.Writing.GroupCommitAccessLog>.Instance))
        {
            await second.AppendAsync([LogStore.Record(2)], CancellationToken.None);
        }

        await store.Writer.AppendAsync([LogStore.Record(3)], CancellationToken.None);
        await using var db = store.Context();
        Assert.Equal(new ChainVerification(true, 3, null, null), await ChainVerifier.VerifyAsync(db));
    }
}
