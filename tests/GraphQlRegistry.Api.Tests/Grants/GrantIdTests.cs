using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Grants;

namespace GraphQlRegistry.Api.Tests.Grants;

/// <summary>
/// A grant's id is what an auditor searches the log for after an issuance or a revocation, so the log must record it as
/// it is: an id with twelve digits in a row would be redacted there as a personal id.
/// </summary>
public sealed class GrantIdTests
{
    [Fact]
    public void NewGrantIds_AreRecordedByTheLogAsTheyAre()
    {
        // Hexadecimal holds twelve digits in a row in about one id in 25: without the redraw, 2,000 ids hold some 80.
        var ids = Enumerable.Range(0, 2_000).Select(_ => GrantLedger.NewGrantId()).ToArray();

        Assert.All(ids, id => Assert.Equal(id, CallerText.Clean(id, CallerText.PathMaxLength)));
        Assert.All(ids, id => Assert.Matches("^grant-[0-9a-f]{24}$", id));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void AnIdWithTwelveDigitsInARow_IsWhatTheLogWouldRedact()
    {
        Assert.NotEqual("grant-3c632109671609151caa270a", CallerText.Clean("grant-3c632109671609151caa270a", CallerText.PathMaxLength));
    }
}
