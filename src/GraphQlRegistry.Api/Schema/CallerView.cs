using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens.Catalogue;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Schema;

/// <summary>
/// What one caller may see of the schema: the root fields its kind of caller uses, the citizen fields it may read,
/// and the filter inputs and order values it may compare on (clear reads only). One definition serves the per-caller
/// SDL and introspection in the caller's view; the policy decides, this only asks.
/// </summary>
public sealed class CallerView(RuleTable rules)
{
    private const string FilterType = "CitizenFilter";
    private const string OrderType = "CitizenOrderField";
    private static readonly string[] AuditorFields = ["accessLog", "accessStats", "verifyAccessLog"];
    private const string FlagMutation = "flagAccess";
    private static readonly string[] DataFields = ["citizen", "citizens", "verifyIdentity", "me", "myEntitlements", "myAccessHistory"];

    /// <summary>Whether the caller sees this field of an output type; a masked citizen field is seen (and marked masked).</summary>
    public bool ShowsField(Caller caller, string typeName, string fieldName) => typeName switch
    {
        "Query" => UsesRootField(caller, fieldName),
        "Mutation" => UsesMutation(caller, fieldName),
        _ => Decide(caller, $"{typeName}.{fieldName}") is not { IsDenied: true },
    };

    /// <summary>The decision for a grantable citizen field; null for any other field.</summary>
    public FieldDecision? Decide(Caller caller, string coordinate) => rules.Find(coordinate) is { IsGrantable: true } rule
        ? caller is DataCaller data ? data.Decide(rule) : FieldDecision.Denied(DecisionReason.NoRuleForCaller)
        : null;

    /// <summary>Whether the caller sees this input field: a citizen filter only where it may compare in clear.</summary>
    public bool ShowsInputField(Caller caller, string typeName, string fieldName) =>
        typeName != FilterType || CitizenCatalogue.FilterInputs.FirstOrDefault(i => i.Name == fieldName) is { } input && MayCompare(caller, input.ComparedField);

    /// <summary>Whether the caller sees this enum value: an order key only where it may compare in clear.</summary>
    public bool ShowsEnumValue(Caller caller, string enumName, string valueName) =>
        enumName != OrderType || CitizenCatalogue.OrderKeys.FirstOrDefault(k => k.Name == valueName) is { } key && MayCompare(caller, key.ComparedField);

    private bool MayCompare(Caller caller, string citizenField) =>
        caller is DataCaller data && rules.Find($"{CitizenCatalogue.TypeName}.{citizenField}") is { } rule && !data.DecideComparison(rule).IsDenied;

    private static bool UsesMutation(Caller caller, string field) => caller switch
    {
        GrantingOfficerCaller => field != FlagMutation,
        DataCaller { OwnCitizenRef: not null } => field == FlagMutation,
        _ => false,
    };

    private static bool UsesRootField(Caller caller, string field) => caller switch
    {
        AuditorCaller => AuditorFields.Contains(field),
        DataCaller data => DataFields.Contains(field)
            && (field != "citizens" || data.Type.IsStateAgency())
            && (field is not ("me" or "myAccessHistory") || data.Type == OrganizationType.Citizen),
        _ => false,
    };
}
