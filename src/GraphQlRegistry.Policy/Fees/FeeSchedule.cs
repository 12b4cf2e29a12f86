using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Policy.Fees;

/// <summary>
/// The price of information served: a rate per information field (the published NPD fee is 1,000 VND) and the
/// organisation types exempt from it. By default state bodies (acting for state management) and citizens (who can
/// read only their own record) pay nothing.
/// </summary>
public sealed record FeeSchedule(decimal RatePerField, OrganizationTypeSet ExemptTypes)
{
    public const decimal PublishedRatePerField = 1_000m;

    public static FeeSchedule Published { get; } = new(PublishedRatePerField, DefaultExemptions);

    public static OrganizationTypeSet DefaultExemptions =>
        OrganizationTypeSet.Of(Enum.GetValues<OrganizationType>().Where(type => type.IsStateBody() || type == OrganizationType.Citizen));

    public bool IsExempt(OrganizationType type) => ExemptTypes.Contains(type);

    /// <summary>What the fields cost a caller of this type: nothing when exempt.</summary>
    public decimal Price(OrganizationType type, long fields) => IsExempt(type) ? 0m : RatePerField * fields;
}
