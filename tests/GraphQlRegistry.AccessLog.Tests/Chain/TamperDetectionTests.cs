using GraphQlRegistry.AccessLog.Chain;

namespace GraphQlRegistry.AccessLog.Tests.Chain;

/// <summary>
/// Each tampering done directly in the database is found, and the first broken entry is named: four requests of five
/// entries (1–5, 6–10, 11–15, 16–20); a request is the unit the chain hashes, so a broken one is named by its first entry.
/// </summary>
public sealed class TamperDetectionTests : IAsyncLifetime
{
    private const string Requests = "\"AccessLogRequests\"";
    private LogStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await LogStore.CreateAsync();
        for (var batch = 0; batch < 4; batch++)
        {
            await _store.Writer.AppendAsync(Enumerable.Range(batch * 5 + 1, 5).Select(n => LogStore.Record(n, $"req-{batch}")).ToList(), CancellationToken.None);
        }
    }

    private async Task<ChainVerification> VerifyAsync()
    {
        await using var db = _store.Context();
        return await ChainVerifier.VerifyAsync(db);
    }

    [Fact]
    public async Task UntouchedLog_Verifies() => Assert.Equal(new ChainVerification(true, 20, null, null), await VerifyAsync());

    [Fact]
    public async Task EditedEntry_IsFound()
    {
        // The decision code of the request's second entry: byte 16 of its eighteen.
        await _store.ExecuteAsync($"UPDATE {Requests} SET \"Fields\" = unhex(hex(substr(\"Fields\", 1, 34)) || '02' || hex(substr(\"Fields\", 36))) WHERE \"Start\" = 6");
        Assert.Equal(new ChainVerification(false, 5, 6, ChainBreak.ContentHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task EditedRequestContext_IsFound()
    {
        await _store.ExecuteAsync($"UPDATE {Requests} SET \"OrganizationId\" = 'someone-else' WHERE \"Start\" = 11");
        Assert.Equal(new ChainVerification(false, 10, 11, ChainBreak.ContentHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task EditedCitizenSpan_IsFound()
    {
        await _store.ExecuteAsync("UPDATE \"AccessLogCitizenSpans\" SET \"CitizenRef\" = 'ref-99' WHERE \"FirstSequence\" = 3");
        Assert.Equal(new ChainVerification(false, 0, 1, ChainBreak.ContentHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task CitizenIndexRowDeleted_IsFound()
    {
        // The chain is intact, yet the citizen's history would skip these entries.
        await _store.ExecuteAsync("DELETE FROM \"AccessLogRecentCitizenIndex\" WHERE \"FirstSequence\" = 8; DELETE FROM \"AccessLogCitizenIndex\" WHERE \"FirstSequence\" = 8");
        Assert.Equal(new ChainVerification(false, 20, 8, ChainBreak.UnindexedSpan), await VerifyAsync());
    }

    [Fact]
    public async Task EditedSharedText_IsFound()
    {
        await _store.ExecuteAsync("UPDATE \"AccessLogTexts\" SET \"Text\" = 'Citizen.sex' WHERE \"Text\" = 'Citizen.fullName'");
        Assert.Equal(new ChainVerification(false, 0, 1, ChainBreak.ContentHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task DeletedEntry_IsFound()
    {
        // Cut from the packed entries, the second one leaves the request an entry short: the last sequence it counts is missing.
        await _store.ExecuteAsync($"UPDATE {Requests} SET \"Fields\" = unhex(hex(substr(\"Fields\", 1, 18)) || hex(substr(\"Fields\", 37))) WHERE \"Start\" = 11");
        Assert.Equal(new ChainVerification(false, 10, 15, ChainBreak.SequenceGap), await VerifyAsync());
    }

    [Fact]
    public async Task DeletedRequest_IsFound()
    {
        await _store.ExecuteAsync($"DELETE FROM {Requests} WHERE \"Start\" = 11");
        Assert.Equal(new ChainVerification(false, 10, 16, ChainBreak.SequenceGap), await VerifyAsync());
    }

    [Fact]
    public async Task DeletedRequestWithRenumbering_IsFound()
    {
        await _store.ExecuteAsync($"DELETE FROM {Requests} WHERE \"Start\" = 11; UPDATE {Requests} SET \"Start\" = \"Start\" - 5 WHERE \"Start\" > 11");
        Assert.Equal(new ChainVerification(false, 10, 11, ChainBreak.PreviousHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task InsertedRequest_IsFound()
    {
        // Make room at 11 and insert a copy of the first request there: the forger cannot make it point at request 6.
        await _store.ExecuteAsync($"UPDATE {Requests} SET \"Start\" = -\"Start\" - 5 WHERE \"Start\" >= 11; UPDATE {Requests} SET \"Start\" = -\"Start\" WHERE \"Start\" < 0; " +
            $"INSERT INTO {Requests} SELECT 11, \"EntryCount\", \"TimeUnixMs\", \"RequestId\", \"OperationName\", \"Subject\", \"OrganizationId\", \"OrganizationType\", \"GrantId\", " +
            $"\"GrantAuthority\", \"Channel\", \"Purpose\", \"PreviousHash\", \"Hash\", \"Fields\" FROM {Requests} WHERE \"Start\" = 1");
        Assert.Equal(new ChainVerification(false, 10, 11, ChainBreak.PreviousHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task AppendedForgery_WithoutTheChain_IsFound()
    {
        await _store.ExecuteAsync($"INSERT INTO {Requests} SELECT 21, \"EntryCount\", \"TimeUnixMs\", 'forged', \"OperationName\", \"Subject\", \"OrganizationId\", \"OrganizationType\", \"GrantId\", " +
            $"\"GrantAuthority\", \"Channel\", \"Purpose\", \"PreviousHash\", \"Hash\", \"Fields\" FROM {Requests} WHERE \"Start\" = 16");
        Assert.Equal(new ChainVerification(false, 20, 21, ChainBreak.PreviousHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task ReorderedRequests_AreFound()
    {
        await _store.ExecuteAsync($"UPDATE {Requests} SET \"Start\" = -1 WHERE \"Start\" = 6; UPDATE {Requests} SET \"Start\" = 6 WHERE \"Start\" = 11; UPDATE {Requests} SET \"Start\" = 11 WHERE \"Start\" = -1");
        Assert.Equal(new ChainVerification(false, 5, 6, ChainBreak.PreviousHashMismatch), await VerifyAsync());
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();
}
