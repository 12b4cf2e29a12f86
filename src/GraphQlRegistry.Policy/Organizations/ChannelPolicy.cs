namespace GraphQlRegistry.Policy.Organizations;

/// <summary>Which channels each caller class may use, as the regulation lists them.</summary>
public static class ChannelPolicy
{
    public static bool IsPermitted(OrganizationType caller, Channel channel)
    {
        if (caller == OrganizationType.Citizen)
        {
            return channel is Channel.WrittenRequest or Channel.Sms or Channel.NationalPortal or Channel.MpsPortal;
        }

        if (caller.IsStateBody())
        {
            return channel is Channel.NationalPortal or Channel.MpsPortal or Channel.OneStopSystem or Channel.WrittenRequest;
        }

        return channel is Channel.NationalPortal or Channel.MpsPortal or Channel.WrittenRequest or Channel.MpsApprovedConnection;
    }
}
