using System.Security.Cryptography;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Policy.Fields;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Tests.Storage;

/// <summary>
/// The citizen index through the real writer on SQLite, with a batch of two spans so that 300 requests settle 150
/// runs and merge them through two tiers: citizens are pseudonym-like (hexadecimal), so merges move real slices.
/// </summary>
public sealed class CitizenIndexRunsTests : IAsyncLifetime
{
    private const int Requests = 300;
    private const int Citizens = 37;
    private LogStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await LogStore.CreateAsync(citizenIndexBatch: 2);
        for (var n = 0; n < Requests; n++)
        {
            var record = LogStore.Record(n, $"r-{n}") with { CitizenRef = Citizen(n % Citizens) };
            await _store.Writer.AppendAsync([record, record with { Field = "Citizen.religion", Decision = FieldOutcome.Denied }], CancellationToken.None);
        }
    }

    [Fact]
    public async Task EveryCitizensHistory_IsWhole_AfterMergesThroughTwoTiers()
    {
        await using var db = _store.Context();
        var runs = await db.CitizenIndexRuns.AsNoTracking().ToListAsync();
        Assert.Contains(runs, r => CitizenIndexCompaction.TierOf(r.Rows, 2) == 2);
        Assert.InRange(runs.Count, 1, 3 * CitizenIndexCompaction.FanIn);

        for (var citizen = 0; citizen < Citizens; citizen++)
        {
            var page = await new AccessLogReader(db).PageAsync(new AccessLogFilter(CitizenRef: Citizen(citizen)), 100, null, CancellationToken.None);
            var expected = Enumerable.Range(0, Requests).Where(n => n % Citizens == citizen).Reverse().Select(n => $"r-{n}");
            Assert.Equal(expected.SelectMany(id => new[] { id, id }), page.Select(e => e.RequestId));
        }
    }

    [Fact]
    public async Task TheChainCheck_FindsEverySpanIndexed()
    {
        await using var db = _store.Context();
        Assert.Equal(new ChainVerification(true, 2 * Requests, null, null), await ChainVerifier.VerifyAsync(db));
    }

    [Fact]
    public async Task ASpanLostFromAMergedRun_IsFound()
    {
        await using (var db = _store.Context())
        {
            var merged = await db.CitizenIndexRuns.AsNoTracking().Where(r => r.Rows > 16).Select(r => r.Run).FirstAsync();
            var lost = await db.CitizenIndex.AsNoTracking().Where(i => i.Run == merged).OrderBy(i => i.FirstSequence).Select(i => i.FirstSequence).FirstAsync();
            await _store.ExecuteAsync($"DELETE FROM \"AccessLogCitizenIndex\" WHERE \"FirstSequence\" = {lost}");

            Assert.Equal(new ChainVerification(false, 2 * Requests, lost, ChainBreak.UnindexedSpan), await ChainVerifier.VerifyAsync(db));
        }
    }

    private static string Citizen(int n) => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(n)));

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}
