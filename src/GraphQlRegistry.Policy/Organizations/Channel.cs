namespace GraphQlRegistry.Policy.Organizations;

/// <summary>How a request reached the registry (SPEC §2).</summary>
public enum Channel
{
    NationalPortal,
    MpsPortal,
    OneStopSystem,
    WrittenRequest,
    Sms,
    MpsApprovedConnection,
}
