using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Policy.Grants;

/// <summary>The unit an officer heads, as the registry stores it: its code and its level (never read off the code's shape).</summary>
public sealed record AuthorityUnit(string Code, AdministrativeLevel Level);

/// <summary>SPEC §2: which level of unit each authority heads.</summary>
public static class AuthorityLevels
{
    /// <summary>The level of the unit an authority heads; null for the NPD agency head, who heads no unit.</summary>
    public static AdministrativeLevel? LevelHeadedBy(GrantingAuthority authority) => authority switch
    {
        // The head of the NPD agency acts nationwide; a unit named with it is ignored.
        GrantingAuthority.NpdAgencyHead => null,
        GrantingAuthority.ProvincialPoliceDirector => AdministrativeLevel.Provincial,
        GrantingAuthority.DistrictPoliceChief => AdministrativeLevel.District,
        GrantingAuthority.CommunePoliceChief => AdministrativeLevel.Commune,
    };

    /// <summary>Whether the officer's unit is of the level its authority heads: a district chief naming a province heads nothing.</summary>
    public static bool HeadsItsLevel(GrantingAuthority authority, AuthorityUnit? unit) =>
        LevelHeadedBy(authority) is not { } level || unit?.Level == level;
}
