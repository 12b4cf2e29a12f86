using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Schema;

/// <summary>
/// An <c>@accessLogged</c> type is either a record type, whose every field carries its own rule (<c>@entitled</c> or
/// <c>@compares</c>), or a nested type, whose fields all inherit the decision of the field that reached them. A record
/// type with a field lacking a rule would serve that field unjudged, so it is a start-up error.
/// </summary>
public static class LoggedTypeShape
{
    public static IEnumerable<string> Problems(string typeName, IReadOnlyList<FieldRuleDefinition> fields)
    {
        var ruled = fields.Where(HasOwnRule).ToList();
        if (ruled.Count == 0 || ruled.Count == fields.Count)
        {
            return [];
        }

        return fields.Where(f => !HasOwnRule(f))
            .Select(f => $"{f.Coordinate}: has no @entitled or @compares rule, while other fields of {typeName} do.");
    }

    private static bool HasOwnRule(FieldRuleDefinition field) => field.Rules.Count > 0 || field.ComparesTo is not null;
}
