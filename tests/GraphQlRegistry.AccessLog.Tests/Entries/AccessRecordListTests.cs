using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Tests.Entries;

/// <summary>A request's records in chunks: read back by index and in order exactly as added, at every size.</summary>
public sealed class AccessRecordListTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(1_024)]
    [InlineData(1_025)]
    [InlineData(16_000)]
    public void Records_ReadBackByIndexAndInOrder_AsAdded(int count)
    {
        var added = Enumerable.Range(0, count).Select(n => LogStore.Record(n, $"request-{n % 3}")).ToList();
        var list = new AccessRecordList();
        foreach (var record in added)
        {
            list.Add(record);
        }

        Assert.Equal(count, list.Count);
        Assert.Equal(added, list);
        Assert.Equal(added, Enumerable.Range(0, count).Select(i => list[i]));
    }

    [Fact]
    public void AnIndexOutsideTheRecords_IsRefused()
    {
        var list = new AccessRecordList();
        list.Add(LogStore.Record(1, "a"));

        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }
}
