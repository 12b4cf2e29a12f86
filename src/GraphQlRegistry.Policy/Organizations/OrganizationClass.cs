namespace GraphQlRegistry.Policy.Organizations;

/// <summary>The groupings the regulation speaks of: state agencies and state bodies.</summary>
public static class OrganizationClass
{
    /// <summary>Agencies managing specialised databases and state agencies.</summary>
    public static bool IsStateAgency(this OrganizationType type) => type switch
    {
        OrganizationType.SpecializedDatabaseAgency or OrganizationType.StateAgency => true,
        _ => false,
    };

    /// <summary>State agencies plus political and socio-political organisations.</summary>
    public static bool IsStateBody(this OrganizationType type) => type switch
    {
        OrganizationType.SpecializedDatabaseAgency or OrganizationType.StateAgency
            or OrganizationType.PoliticalOrganization or OrganizationType.SocioPoliticalOrganization => true,
        _ => false,
    };
}
