using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Benchmarks;

/// <summary>
/// A state agency's page of 500 citizens (S2) as the executor records it: each citizen's 26 fields in turn, then, once
/// the page's relatives are loaded, each relative's id and name twice (about the citizen read and about the relative).
/// Two citizens in three have a father, two in three a mother: 15,668 entries about 1,167 citizens, close to a real
/// page of the seeded registry (15,728 entries about 1,182).
/// </summary>
public static class PageRecords
{
    public const int Citizens = 500;

    private static readonly string[] OwnFields =
    [
        "personalId", "fullName", "dateOfBirth", "sex", "nationality", "placeOfOrigin", "birthRegistrationPlace", "maritalStatus", "dateOfDeath",
    ];

    private static readonly string[] AddressFields = ["provinceCode", "province", "district", "commune", "street"];

    public static List<AccessRecord> Page(int seed)
    {
        var context = new AccessContext($"page-{seed:x8}", "Page", "load-demo-state-agency", "demo-state-agency", OrganizationType.StateAgency,
            "grant-demo-state-agency", GrantingAuthority.NpdAgencyHead, Channel.NationalPortal, "Population statistics");
        var time = DateTimeOffset.UtcNow;
        var records = new List<AccessRecord>();
        // A citizen's pseudonym is worked out once per citizen a request reads, and each entry about them carries it.
        var citizens = Enumerable.Range(0, 3 * Citizens).Select(i => KycRecords.CitizenRef(seed, i)).ToArray();
        // The executor records each field under its rule's own coordinate string, and a path made for that field.
        void Add(string citizen, string field, string path) =>
            records.Add(new AccessRecord(context, time, citizen, string.Intern(field), path, FieldOutcome.Revealed, FieldMask.None, null));

        for (var i = 0; i < Citizens; i++)
        {
            var node = $"citizens.edges.{i}.node";
            var citizen = citizens[i];
            foreach (var field in OwnFields)
            {
                Add(citizen, "Citizen." + field, $"{node}.{field}");
            }

            foreach (var address in (string[])["permanentAddress", "currentAddress"])
            {
                Add(citizen, "Citizen." + address, $"{node}.{address}");
                foreach (var part in AddressFields)
                {
                    Add(citizen, "Address." + part, $"{node}.{address}.{part}");
                }
            }

            foreach (var field in (string[])["father", "mother", "spouse", "householdHead"])
            {
                Add(citizen, "Citizen." + field, $"{node}.{field}");
            }

            Add(citizen, "HouseholdMembership.relationship", $"{node}.householdHead.relationship");
        }

        for (var i = 0; i < Citizens; i++)
        {
            foreach (var (relation, present) in (ReadOnlySpan<(string, bool)>)[("father", i % 3 != 0), ("mother", i % 3 != 1)])
            {
                if (!present)
                {
                    continue;
                }

                foreach (var field in (string[])["personalId", "fullName"])
                {
                    var path = $"citizens.edges.{i}.node.{relation}.{field}";
                    Add(citizens[i], "Relative." + field, path);
                    Add(citizens[Citizens + 2 * i + (relation == "father" ? 0 : 1)], "Relative." + field, path);
                }
            }
        }

        return records;
    }
}
