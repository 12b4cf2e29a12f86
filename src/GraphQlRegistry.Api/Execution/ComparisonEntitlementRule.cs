using GraphQL.Validation;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Schema;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// Refuses, before execution, a <c>citizens</c> filter or order on any field the caller may not read in clear: a
/// comparison would reveal what the entitlement hides. Runs after arguments are parsed (variables included), for
/// cached documents too, and refuses the whole request with <c>FIELD_NOT_ENTITLED</c>.
/// </summary>
public sealed class ComparisonEntitlementRule(SchemaRules rules) : ValidationRuleBase
{
    private const string SearchField = "citizens";

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext is not RegistryRequestContext { Caller: DataCaller caller } || context.ArgumentValues is not { } arguments)
        {
            return default;
        }

        foreach (var (field, values) in arguments)
        {
            if (field.Name.StringValue != SearchField)
            {
                continue;
            }

            var compared = ComparedFields(values).Distinct()
                .Where(name => rules.Table.Find("Citizen." + name) is not { } rule || caller.DecideComparison(rule).IsDenied)
                .ToList();
            foreach (var name in compared)
            {
                context.ReportError(new ValidationError(context.Document.Source, "5.4", $"{ErrorCode.FieldNotEntitled.Message()} Citizen.{name} cannot be filtered or ordered on.", field)
                {
                    Code = ErrorCode.FieldNotEntitled.Wire(),
                });
            }
        }

        return default;
    }

    private static IEnumerable<string> ComparedFields(IDictionary<string, GraphQL.Execution.ArgumentValue> values)
    {
        if (values.TryGetValue("where", out var where) && where.Value is CitizenFilter filter)
        {
            foreach (var name in filter.ComparedFields())
            {
                yield return name;
            }
        }

        if (values.TryGetValue("order", out var order) && order.Value is IEnumerable<object> keys)
        {
            foreach (var key in keys.OfType<CitizenOrder>())
            {
                yield return key.Key.ComparedField;
            }
        }
    }
}
