using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Benchmarks;

/// <summary>KYC-shaped access records: a bank reads 8 fields of one citizen, 18 entries with the address parts.</summary>
public static class KycRecords
{
    public const int EntriesPerRequest = 18;

    private static readonly (string Field, string Path, FieldOutcome Decision)[] Fields =
    [
        ("Citizen.personalId", "citizen.personalId", FieldOutcome.Revealed), ("Citizen.fullName", "citizen.fullName", FieldOutcome.Revealed),
        ("Citizen.dateOfBirth", "citizen.dateOfBirth", FieldOutcome.Revealed), ("Citizen.sex", "citizen.sex", FieldOutcome.Revealed),
        ("Citizen.nationality", "citizen.nationality", FieldOutcome.Revealed), ("Citizen.permanentAddress", "citizen.permanentAddress", FieldOutcome.Revealed),
        ("Address.provinceCode", "citizen.permanentAddress.provinceCode", FieldOutcome.Revealed), ("Address.province", "citizen.permanentAddress.province", FieldOutcome.Revealed),
        ("Address.district", "citizen.permanentAddress.district", FieldOutcome.Revealed), ("Address.commune", "citizen.permanentAddress.commune", FieldOutcome.Revealed),
        ("Address.street", "citizen.permanentAddress.street", FieldOutcome.Revealed), ("Citizen.currentAddress", "citizen.currentAddress", FieldOutcome.Masked),
        ("Address.provinceCode", "citizen.currentAddress.provinceCode", FieldOutcome.Masked), ("Address.province", "citizen.currentAddress.province", FieldOutcome.Masked),
        ("Address.district", "citizen.currentAddress.district", FieldOutcome.Masked), ("Address.street", "citizen.currentAddress.street", FieldOutcome.Masked),
        ("Citizen.religion", "citizen.religion", FieldOutcome.Denied), ("Citizen.ethnicity", "citizen.ethnicity", FieldOutcome.Denied),
    ];

    /// <summary>One request's records, as the executor hands them to the log.</summary>
    public static List<AccessRecord> Request(string requestId, OrganizationType type, string citizenRef, DateTimeOffset time)
    {
        var organization = DemoOrganizations.IdOf(type);
        var context = new AccessContext(requestId, "Kyc", "svc-" + organization, organization, type, "grant-" + organization,
            GrantingAuthority.DistrictPoliceChief, Channel.NationalPortal, "KYC onboarding");
        return Fields.Select((f, i) => new AccessRecord(context, time.AddTicks(i * 100), citizenRef, f.Field, f.Path, f.Decision,
            f.Decision == FieldOutcome.Masked ? FieldMask.Partial : FieldMask.None, f.Decision == FieldOutcome.Denied ? "FIELD_NOT_ENTITLED" : null)).ToList();
    }

    /// <summary><paramref name="entries"/> records of consecutive KYC requests (the last one cut short to fit).</summary>
    public static List<AccessRecord> Requests(int entries, int seed)
    {
        var records = new List<AccessRecord>(entries);
        for (var request = 0; records.Count < entries; request++)
        {
            records.AddRange(Request($"{seed:x8}-{request:x8}", OrganizationType.CreditInstitution, CitizenRef(seed, request), DateTimeOffset.UtcNow).Take(entries - records.Count));
        }

        return records;
    }

    /// <summary>A pseudonym-shaped reference (64 hex characters) for the <paramref name="citizen"/>-th citizen of a seed.</summary>
    public static string CitizenRef(int seed, int citizen) => Convert.ToHexStringLower(BitConverter.GetBytes((long)seed * 1_000_003 + citizen)).PadLeft(64, '0');
}
