using System.Collections.Frozen;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.AccessLog.Entries;

/// <summary>
/// The SPEC's names of the values an entry holds (<c>CREDIT_INSTITUTION</c>, <c>REVEALED</c>), written out rather
/// than derived from C# member names: they are hashed into the chain and stored, so renaming a C# member must not
/// change a single stored byte or break a single stored chain.
/// </summary>
public static class WireNames
{
    public static string Of(OrganizationType value) => value switch
    {
        OrganizationType.SpecializedDatabaseAgency => "SPECIALIZED_DATABASE_AGENCY",
        OrganizationType.StateAgency => "STATE_AGENCY",
        OrganizationType.PoliticalOrganization => "POLITICAL_ORGANIZATION",
        OrganizationType.SocioPoliticalOrganization => "SOCIO_POLITICAL_ORGANIZATION",
        OrganizationType.CreditInstitution => "CREDIT_INSTITUTION",
        OrganizationType.TelecomProvider => "TELECOM_PROVIDER",
        OrganizationType.DigitalSignatureProvider => "DIGITAL_SIGNATURE_PROVIDER",
        OrganizationType.ElectronicIdentificationProvider => "ELECTRONIC_IDENTIFICATION_PROVIDER",
        OrganizationType.NotaryOrganization => "NOTARY_ORGANIZATION",
        OrganizationType.BailiffOrganization => "BAILIFF_ORGANIZATION",
        OrganizationType.PublicServiceOrganization => "PUBLIC_SERVICE_ORGANIZATION",
        OrganizationType.OtherOrganization => "OTHER_ORGANIZATION",
        OrganizationType.Citizen => "CITIZEN",
    };

    public static string Of(GrantingAuthority value) => value switch
    {
        GrantingAuthority.NpdAgencyHead => "NPD_AGENCY_HEAD",
        GrantingAuthority.ProvincialPoliceDirector => "PROVINCIAL_POLICE_DIRECTOR",
        GrantingAuthority.DistrictPoliceChief => "DISTRICT_POLICE_CHIEF",
        GrantingAuthority.CommunePoliceChief => "COMMUNE_POLICE_CHIEF",
    };

    public static string Of(Channel value) => value switch
    {
        Channel.NationalPortal => "NATIONAL_PORTAL",
        Channel.MpsPortal => "MPS_PORTAL",
        Channel.OneStopSystem => "ONE_STOP_SYSTEM",
        Channel.WrittenRequest => "WRITTEN_REQUEST",
        Channel.Sms => "SMS",
        Channel.MpsApprovedConnection => "MPS_APPROVED_CONNECTION",
    };

    public static string Of(FieldOutcome value) => value switch
    {
        FieldOutcome.Revealed => "REVEALED",
        FieldOutcome.Masked => "MASKED",
        FieldOutcome.Denied => "DENIED",
    };

    public static string Of(FieldMask value) => value switch
    {
        FieldMask.None => "NONE",
        FieldMask.Partial => "PARTIAL",
    };

    public static string Of(AccessFlagKind value) => value switch
    {
        AccessFlagKind.NotRequested => "NOT_REQUESTED",
        AccessFlagKind.NotAgreed => "NOT_AGREED",
    };

    /// <summary>The value a stored name stands for; an unknown name is an error, never a silent default.</summary>
    public static T Parse<T>(string name) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(name, out var value) ? value : throw new FormatException($"'{name}' is not a stored {typeof(T).Name} name.");

    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => v switch
        {
            OrganizationType type => Of(type),
            GrantingAuthority authority => Of(authority),
            Channel channel => Of(channel),
            FieldOutcome outcome => Of(outcome),
            FieldMask mask => Of(mask),
            AccessFlagKind kind => Of(kind),
            _ => throw new InvalidOperationException($"{typeof(T).Name} has no wire names."),
        });

        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
