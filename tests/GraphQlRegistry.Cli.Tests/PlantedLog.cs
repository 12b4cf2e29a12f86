using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;
using static GraphQlRegistry.Cli.Tests.DataDirectory;

namespace GraphQlRegistry.Cli.Tests;

/// <summary>
/// A fortnight of ordinary traffic (October 2026, weekdays, 10:00 in Hanoi: 40 requests of 3 fields per organisation,
/// one denial in ten requests, every citizen read by one organisation) and, on request, one of each pattern the anomaly
/// scan must find, on known days.
/// </summary>
public static class PlantedLog
{
    public static readonly DateTimeOffset Since = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    public const string BurstOrganization = "demo-telecom-provider";
    public const string ProbingOrganization = "demo-other-organization";
    public const string NightOrganization = "demo-notary-organization";
    public const int NightCitizens = 80;
    public const int CrowdSize = 5;

    private static readonly (string Id, OrganizationType Type)[] Organizations =
    [
        ("demo-credit-institution", OrganizationType.CreditInstitution), (BurstOrganization, OrganizationType.TelecomProvider),
        (NightOrganization, OrganizationType.NotaryOrganization), (ProbingOrganization, OrganizationType.OtherOrganization),
        ("demo-state-agency", OrganizationType.StateAgency),
    ];

    public static IEnumerable<AccessRecord> Quiet()
    {
        for (var day = new DateOnly(2026, 10, 1); day <= new DateOnly(2026, 10, 16); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var (id, type) in Organizations)
            {
                for (var request = 0; request < 40; request++)
                {
                    var caller = Caller(id, type, $"q-{id}-{day:MMdd}-{request}");
                    var time = Local(day, 10).AddSeconds(request * 30);
                    var citizen = $"{id}-{day:MMdd}-{request}";
                    yield return Read(caller, time, citizen, "Citizen.fullName");
                    yield return Read(caller, time, citizen, "Citizen.dateOfBirth");
                    yield return Read(caller, time, citizen, "Citizen.religion", request % 10 == 0 ? FieldOutcome.Denied : FieldOutcome.Revealed);
                }
            }
        }
    }

    public static IEnumerable<AccessRecord> Planted(string crowdedCitizen) =>
        Quiet().Concat(Burst()).Concat(Probe()).Concat(NightBulk()).Concat(Crowd(crowdedCitizen)).OrderBy(record => record.Time);

    /// <summary>Thursday 15 October: 2,000 entries against a median of 120.</summary>
    private static IEnumerable<AccessRecord> Burst() =>
        Enumerable.Range(0, 2000).Select(i => Read(Caller(BurstOrganization, OrganizationType.TelecomProvider, $"burst-{i / 4}"),
            Local(new DateOnly(2026, 10, 15), 9).AddSeconds(i * 10), $"burst-citizen-{i / 4}", "Citizen.permanentAddress"));

    /// <summary>Wednesday 14 October, 14:00: 30 denied fields in half an hour over 10 requests.</summary>
    private static IEnumerable<AccessRecord> Probe() =>
        Enumerable.Range(0, 30).Select(i => Read(Caller(ProbingOrganization, OrganizationType.OtherOrganization, $"probe-{i / 3}"),
            Local(new DateOnly(2026, 10, 14), 14).AddMinutes(i), $"probe-citizen-{i / 3}", i % 2 == 0 ? "Citizen.religion" : "Citizen.ethnicity", FieldOutcome.Denied));

    /// <summary>Tuesday 13 October, 23:00 in Hanoi: 80 citizens read.</summary>
    private static IEnumerable<AccessRecord> NightBulk() =>
        Enumerable.Range(0, NightCitizens).Select(i => Read(Caller(NightOrganization, OrganizationType.NotaryOrganization, $"night-{i}"),
            Local(new DateOnly(2026, 10, 13), 23).AddSeconds(i * 20), $"night-citizen-{i}", "Citizen.fullName"));

    /// <summary>Monday 12 October, 11:00: one citizen read by five organisations within 20 minutes.</summary>
    private static IEnumerable<AccessRecord> Crowd(string citizen) =>
        Organizations.Select((organization, i) => Read(Caller(organization.Id, organization.Type, $"crowd-{i}"),
            Local(new DateOnly(2026, 10, 12), 11).AddMinutes(i * 4), citizen, "Citizen.fullName"));

    private static DateTimeOffset Local(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Hanoi);
}
