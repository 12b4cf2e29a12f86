namespace GraphQlRegistry.Policy.Grants;

public enum GrantStatus
{
    Valid,
    NotYetValid,
    Expired,
    Revoked,
    AuthorityNotCompetent,
}

/// <summary>Whether a grant counts now. Competence is re-checked here at every request, whatever path wrote the grant.</summary>
public static class GrantValidity
{
    public static GrantStatus Evaluate(GrantTerms grant, Grantee grantee, CompetenceTable competence, DateTimeOffset now)
    {
        if (grant.RevokedAt is { } revokedAt && revokedAt <= now)
        {
            return GrantStatus.Revoked;
        }

        if (now < grant.ValidFrom)
        {
            return GrantStatus.NotYetValid;
        }

        if (now >= grant.ValidTo)
        {
            return GrantStatus.Expired;
        }

        return competence.IsCompetent(grant.Authority, grant.AuthorityUnit, grantee)
            ? GrantStatus.Valid
            : GrantStatus.AuthorityNotCompetent;
    }
}
