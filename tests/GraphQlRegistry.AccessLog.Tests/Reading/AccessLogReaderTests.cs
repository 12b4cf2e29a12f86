using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Tests.Reading;

/// <summary>
/// The reader answers from the compact tables and the hourly rollup; every answer must equal the same question asked
/// of every entry one by one (`Entries`, unpacked as the chain check reads them), whatever the filter, grouping or period edges. The citizen index
/// settles every eight spans into a run, and the eighth run starts a merge that is still moving when the reads begin,
/// so a citizen's spans lie in the recent level, in runs and in a merge's source and target; every citizen's reference
/// shares its first sixteen characters, the index's key, with the others', so only the span's whole reference tells
/// them apart.
/// </summary>
public sealed class AccessLogReaderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 22, 17, 0, TimeSpan.Zero);
    private static readonly (string Id, OrganizationType Type)[] Organizations =
        [("bank", OrganizationType.CreditInstitution), ("telco", OrganizationType.TelecomProvider), ("agency", OrganizationType.StateAgency)];

    private static readonly string[] Fields = ["Citizen.fullName", "Citizen.religion", "Address.street"];
    private static readonly FieldOutcome[] Outcomes = [FieldOutcome.Revealed, FieldOutcome.Masked, FieldOutcome.Denied];

    private LogStore _store = null!;
    private List<AccessLogEntry> _all = [];

    public async Task InitializeAsync()
    {
        _store = await LogStore.CreateAsync(citizenIndexBatch: 8);
        for (var request = 0; request < 68; request++)
        {
            var (id, type) = Organizations[request % Organizations.Length];
            var context = new AccessContext($"r-{request}", "Kyc", "svc", id, type, "g", GrantingAuthority.DistrictPoliceChief, Channel.NationalPortal, "KYC");
            var time = Start.AddMinutes(request * 5);
            var records = Fields.Select((field, i) =>
            {
                var decision = Outcomes[(request + i) % Outcomes.Length];
                return new AccessRecord(context, time.AddMilliseconds(i), Citizen(request % 7), field, "citizen." + field, decision,
                    decision == FieldOutcome.Masked ? FieldMask.Partial : FieldMask.None, decision == FieldOutcome.Denied ? "FIELD_NOT_ENTITLED" : null);
            }).ToList();
            await _store.Writer.AppendAsync(records, CancellationToken.None);
        }

        await using var db = _store.Context();
        _all = await db.Entries.ToListAsync();
    }

    private static string Citizen(int n) => $"pseudonym-of-citizen-{n}";

    [Fact]
    public async Task CitizenIndex_HoldsEverySpanInExactlyOneLevel_WhileARunMerges()
    {
        await using var db = _store.Context();
        var recent = await db.RecentCitizenIndex.Select(i => i.FirstSequence).ToListAsync();
        var settled = await db.CitizenIndex.Select(i => i.FirstSequence).ToListAsync();
        var runs = await db.CitizenIndexRuns.ToListAsync();

        Assert.InRange(recent.Count, 1, 7);
        Assert.Equal(8, runs.Count(r => r.MergingInto is not null));
        Assert.Single(runs, r => r.MergedBelow is not null);
        Assert.Empty(await db.CitizenIndex.Where(i => !db.CitizenIndexRuns.Any(r => r.Run == i.Run)).ToListAsync());
        Assert.Equal(await db.CitizenSpans.Select(s => s.FirstSequence).OrderBy(s => s).ToListAsync(), recent.Concat(settled).Order().ToList());
    }

    public static TheoryData<string> Filters() => [.. FilterCases.Keys];

    private static readonly Dictionary<string, AccessLogFilter> FilterCases = new()
    {
        ["none"] = new AccessLogFilter(),
        ["citizen"] = new AccessLogFilter(CitizenRef: Citizen(3)),
        ["organization"] = new AccessLogFilter(OrganizationId: "telco"),
        ["type"] = new AccessLogFilter(OrganizationType: OrganizationType.StateAgency),
        ["field"] = new AccessLogFilter(Field: "Citizen.religion"),
        ["unknown field"] = new AccessLogFilter(Field: "Citizen.bloodType"),
        ["decision"] = new AccessLogFilter(Decision: FieldOutcome.Denied),
        ["period inside one hour"] = new AccessLogFilter(From: Start.AddMinutes(50), To: Start.AddMinutes(58)),
        ["period across hours"] = new AccessLogFilter(From: Start.AddMinutes(31), To: Start.AddMinutes(212)),
        ["everything"] = new AccessLogFilter(CitizenRef: Citizen(2), OrganizationId: "agency", Field: "Address.street", From: Start.AddMinutes(7), To: Start.AddHours(4)),
        ["organization, field, decision, period"] = new AccessLogFilter(OrganizationId: "bank", Field: "Citizen.fullName", Decision: FieldOutcome.Revealed, From: Start.AddMinutes(45)),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Pages_AreTheMatchingEntries_NewestFirst(string name)
    {
        var filter = FilterCases[name];
        var expected = _all.Where(e => Matches(e, filter)).OrderByDescending(e => e.Sequence).ToList();

        var read = new List<AccessLogEntry>();
        long? before = null;
        await using var db = _store.Context();
        while (true)
        {
            var page = await new AccessLogReader(db).PageAsync(filter, 7, before, CancellationToken.None);
            read.AddRange(page);
            if (page.Count < 7)
            {
                break;
            }

            before = page[^1].Sequence;
        }

        Assert.Equal(expected.Select(Describe), read.Select(Describe));
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Stats_EqualCountsOverTheEntries_ForEveryGrouping(string name)
    {
        var filter = FilterCases[name];
        var dimensions = Enum.GetValues<AccessStatsDimension>();
        await using var db = _store.Context();
        for (var mask = 1; mask < 1 << dimensions.Length; mask++)
        {
            var groupBy = dimensions.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            var expected = _all.Where(e => Matches(e, filter))
                .GroupBy(e => new AccessStatsBucket(
                    groupBy.Contains(AccessStatsDimension.Organization) ? e.OrganizationId : null,
                    groupBy.Contains(AccessStatsDimension.OrganizationType) ? e.OrganizationType : null,
                    groupBy.Contains(AccessStatsDimension.Field) ? e.Field : null,
                    groupBy.Contains(AccessStatsDimension.Decision) ? e.Decision : null,
                    groupBy.Contains(AccessStatsDimension.Day) ? DateOnly.FromDateTime(e.Time.UtcDateTime) : null, 0))
                .Select(g => g.Key with { Count = g.LongCount() });

            var stats = await new AccessLogReader(db).StatsAsync(groupBy, filter, CancellationToken.None);

            Assert.Equal(expected.OrderBy(b => b.ToString()), stats.OrderBy(b => b.ToString()));
        }
    }

    [Fact]
    public async Task Stream_IsEveryMatchingEntry_OldestFirst()
    {
        var filter = FilterCases["period across hours"];
        await using var db = _store.Context();

        var streamed = await new AccessLogReader(db).StreamAsync(filter).ToListAsync();

        Assert.Equal(_all.Where(e => Matches(e, filter)).OrderBy(e => e.Sequence).Select(Describe), streamed.Select(Describe));
    }

    private static bool Matches(AccessLogEntry e, AccessLogFilter f) =>
        (f.CitizenRef is null || e.CitizenRef == f.CitizenRef) && (f.OrganizationId is null || e.OrganizationId == f.OrganizationId)
        && (f.OrganizationType is null || e.OrganizationType == f.OrganizationType) && (f.Field is null || e.Field == f.Field)
        && (f.Decision is null || e.Decision == f.Decision) && (f.From is null || e.Time >= f.From) && (f.To is null || e.Time < f.To);

    private static string Describe(AccessLogEntry e) =>
        $"{e.Sequence} {e.TimeUnixMs} {e.RequestId} {e.OrganizationId} {e.OrganizationType} {e.CitizenRef} {e.Field} {e.Path} {e.Decision} {e.Mask} {e.Reason} {e.PreviousHash} {e.Hash}";

    public async Task DisposeAsync() => await _store.DisposeAsync();
}
