namespace GraphQlRegistry.Policy.Grants;

/// <summary>The police authorities that may issue a grant (SPEC §2).</summary>
public enum GrantingAuthority
{
    NpdAgencyHead,
    ProvincialPoliceDirector,
    DistrictPoliceChief,
    CommunePoliceChief,
}
