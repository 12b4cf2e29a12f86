using GraphQlRegistry.AccessLog.Chain;

namespace GraphQlRegistry.AccessLog.Tests.Chain;

/// <summary>Each tampering done directly in the database is found, and the first broken entry is named.</summary>
public sealed class TamperDetectionTests : IAsyncLifetime
{
    private const string Table = "\"AccessLogEntries\"";
    private LogStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await LogStore.CreateAsync();
        for (var batch = 0; batch < 4; batch++)
        {
            await _store.Writer.AppendAsync(Enumerable.Range(batch * 5 + 1, 5).Select(n => LogStore.Record(n)).ToList(), CancellationToken.None);
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
        await _store.ExecuteAsync($"UPDATE {Table} SET \"Decision\" = 'DENIED' WHERE \"Sequence\" = 7");
        Assert.Equal(new ChainVerification(false, 6, 7, ChainBreak.ContentHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task DeletedEntry_IsFound()
    {
        await _store.ExecuteAsync($"DELETE FROM {Table} WHERE \"Sequence\" = 12");
        Assert.Equal(new ChainVerification(false, 11, 13, ChainBreak.SequenceGap), await VerifyAsync());
    }

    [Fact]
    public async Task DeletedEntryWithRenumbering_IsFound()
    {
        await _store.ExecuteAsync($"DELETE FROM {Table} WHERE \"Sequence\" = 12; UPDATE {Table} SET \"Sequence\" = \"Sequence\" - 1 WHERE \"Sequence\" > 12");
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(12, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task InsertedEntry_IsFound()
    {
        // Make room at 10 and insert a copy of entry 3 there: the forger cannot make entry 11 point at it.
        await _store.ExecuteAsync($"UPDATE {Table} SET \"Sequence\" = -\"Sequence\" - 1 WHERE \"Sequence\" >= 10; UPDATE {Table} SET \"Sequence\" = -\"Sequence\" WHERE \"Sequence\" < 0");
        await _store.ExecuteAsync($"INSERT INTO {Table} SELECT 10, \"TimeUnixMs\", \"RequestId\", \"OperationName\", \"Subject\", \"OrganizationId\", \"OrganizationType\", \"GrantId\", " +
            $"\"GrantAuthority\", \"Channel\", \"Purpose\", \"CitizenRef\", \"Field\", \"Path\", \"Decision\", \"Mask\", \"Reason\", \"PreviousHash\", \"Hash\" FROM {Table} WHERE \"Sequence\" = 3");
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(10, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task AppendedForgery_WithoutTheChain_IsFound()
    {
        await _store.ExecuteAsync($"INSERT INTO {Table} SELECT 21, \"TimeUnixMs\", 'forged', \"OperationName\", \"Subject\", \"OrganizationId\", \"OrganizationType\", \"GrantId\", " +
            $"\"GrantAuthority\", \"Channel\", \"Purpose\", \"CitizenRef\", \"Field\", \"Path\", \"Decision\", \"Mask\", \"Reason\", \"PreviousHash\", \"Hash\" FROM {Table} WHERE \"Sequence\" = 20");
        Assert.Equal(new ChainVerification(false, 20, 21, ChainBreak.PreviousHashMismatch), await VerifyAsync());
    }

    [Fact]
    public async Task ReorderedEntries_AreFound()
    {
        await _store.ExecuteAsync($"UPDATE {Table} SET \"Sequence\" = -1 WHERE \"Sequence\" = 4; UPDATE {Table} SET \"Sequence\" = 4 WHERE \"Sequence\" = 5; UPDATE {Table} SET \"Sequence\" = 5 WHERE \"Sequence\" = -1");
        Assert.Equal(new ChainVerification(false, 3, 4, ChainBreak.PreviousHashMismatch), await VerifyAsync());
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();
}
