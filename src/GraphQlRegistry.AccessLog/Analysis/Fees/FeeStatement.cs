using GraphQlRegistry.AccessLog.Reading;
using GraphQlRegistry.AccessLog.Rollups;
using GraphQlRegistry.Policy.Fees;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Analysis.Fees;

/// <summary>One organisation's month: information fields served in clear and masked, and what they cost.</summary>
public sealed record FeeLine(string OrganizationId, OrganizationType OrganizationType, long Revealed, long Masked, bool Exempt, decimal Amount)
{
    public long Fields => Revealed + Masked;
}

/// <summary>A month's statement: one line per organisation served, and the totals.</summary>
public sealed record FeeStatement(DateOnly Month, decimal RatePerField, IReadOnlyList<FeeLine> Lines)
{
    public long TotalFields => Lines.Sum(line => line.Fields);

    public decimal TotalAmount => Lines.Sum(line => line.Amount);

    /// <summary>
    /// Builds the statement of the UTC calendar month <paramref name="month"/> from the daily rollup. An information field is a served field of a citizen-data type;
    /// root operations (<c>Query.*</c>, <c>Mutation.*</c>) and the CLI's own reads are not information.
    /// </summary>
    public static async Task<FeeStatement> BuildAsync(HourlyCounts counts, DateOnly month, FeeSchedule schedule, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var buckets = await counts.StatsAsync(
            new HashSet<AccessStatsDimension> { AccessStatsDimension.Organization, AccessStatsDimension.OrganizationType, AccessStatsDimension.Field, AccessStatsDimension.Decision },
            new AccessLogFilter(From: from, To: from.AddMonths(1)), cancellationToken);

        var lines = buckets
            .Where(b => b is { OrganizationId: not null, OrganizationType: not null } && b.Decision != FieldOutcome.Denied && IsInformationField(b.Field))
            .GroupBy(b => (Organization: b.OrganizationId!, Type: b.OrganizationType!.Value))
            .Select(group =>
            {
                var revealed = group.Where(b => b.Decision == FieldOutcome.Revealed).Sum(b => b.Count);
                var masked = group.Where(b => b.Decision == FieldOutcome.Masked).Sum(b => b.Count);
                return new FeeLine(group.Key.Organization, group.Key.Type, revealed, masked, schedule.IsExempt(group.Key.Type),
                    schedule.Price(group.Key.Type, revealed + masked));
            })
            .OrderByDescending(line => line.Amount)
            .ThenBy(line => line.OrganizationId, StringComparer.Ordinal)
            .ToList();
        return new FeeStatement(month, schedule.RatePerField, lines);
    }

    private static bool IsInformationField(string? coordinate) =>
        coordinate?.IndexOf('.') is > 0 and var dot && coordinate[..dot] is not ("Query" or "Mutation" or "Cli");
}
