using GraphQlRegistry.Policy.Organizations;
using GraphQlRegistry.Policy.Units;

namespace GraphQlRegistry.Policy.Citizens;

public enum RowOutcome
{
    Allowed,
    NotOwnRecord,
    OutOfJurisdiction,
}

/// <summary>Where a citizen record lies and whose it is: what the row rules need, nothing more.</summary>
public readonly record struct CitizenRow(string PersonalId, UnitPath? PermanentAddress, UnitPath? CurrentAddress);

/// <summary>The row rules of SPEC §3: citizens read only themselves; a scoped grant reaches only its unit.</summary>
public static class RowRule
{
    public static RowOutcome Check(OrganizationType caller, string? callerPersonalId, string? grantScopeUnitCode, CitizenRow row)
    {
        if (caller == OrganizationType.Citizen && !string.Equals(callerPersonalId, row.PersonalId, StringComparison.Ordinal))
        {
            return RowOutcome.NotOwnRecord;
        }

        if (grantScopeUnitCode is null)
        {
            return RowOutcome.Allowed;
        }

        var inScope = row.PermanentAddress?.Contains(grantScopeUnitCode) == true
            || row.CurrentAddress?.Contains(grantScopeUnitCode) == true;
        return inScope ? RowOutcome.Allowed : RowOutcome.OutOfJurisdiction;
    }
}
