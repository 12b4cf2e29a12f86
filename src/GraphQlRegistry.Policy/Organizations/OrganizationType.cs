namespace GraphQlRegistry.Policy.Organizations;

/// <summary>The caller classes of SPEC §2. The order is part of the wire contract (enum values).</summary>
public enum OrganizationType
{
    SpecializedDatabaseAgency,
    StateAgency,
    PoliticalOrganization,
    SocioPoliticalOrganization,
    CreditInstitution,
    TelecomProvider,
    DigitalSignatureProvider,
    ElectronicIdentificationProvider,
    NotaryOrganization,
    BailiffOrganization,
    PublicServiceOrganization,
    OtherOrganization,
    Citizen,
}
