using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Instrumentation;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// Enforces the policy's decision on every field of a citizen-data type, by whatever route the field is reached
/// (aliases, fragments, variables, lists): a denied field is never resolved, a masked one is resolved and masked,
/// and each one is recorded for the access log. It applies decisions; the policy makes them.
/// </summary>
public sealed class EntitlementMiddleware : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var rule = SchemaRules.RuleOf(context.FieldDefinition);
        return rule is null ? next(context) : ResolveGuardedAsync(context, next, rule);
    }

    private static async ValueTask<object?> ResolveGuardedAsync(IResolveFieldContext context, FieldMiddlewareDelegate next, FieldRule rule)
    {
        var request = context.RequestContext();
        var (decision, citizenRef) = Decide(context.Source, request.Caller, rule);
        var path = context.ResponsePathText();
        request.Record(citizenRef, rule.Coordinate, path, decision);
        RegistryMetrics.FieldDecided(decision, request.Caller);
        if (context.Source is INestedSource { AlsoAbout: { } relative } && relative != citizenRef && !decision.IsDenied)
        {
            // A relative's id and name are disclosed about the relative too: their own history must show it.
            request.Record(relative, rule.Coordinate, path, decision);
        }

        if (decision.IsDenied)
        {
            context.Errors.Add(RegistryError.At(ErrorCode.FieldNotEntitled, context));
            return null;
        }

        var value = await next(context);
        return value is IDataLoaderResult pending
            ? new ShapedDataLoaderResult(pending, decision, rule, citizenRef)
            : Shape(value, decision, rule, citizenRef);
    }

    private static (FieldDecision Decision, string CitizenRef) Decide(object? source, Caller caller, FieldRule rule) => source switch
    {
        CitizenSource citizen when caller is DataCaller data => (data.Decide(rule), citizen.CitizenRef),
        INestedSource nested => (EntitlementPolicy.DecideNested(nested.Decision, rule), nested.CitizenRef),
        IdentityMatch match when caller is DataCaller data && rule.ComparesTo is { } compared => (data.DecideComparison(compared), match.CitizenRef),
        _ => (FieldDecision.Denied(DecisionReason.NoRuleForCaller), string.Empty),
    };

    /// <summary>Hands an object value its decision for its own fields; masks a scalar as the rule's partial rendering says.</summary>
    private static object? Shape(object? value, FieldDecision decision, FieldRule rule, string citizenRef) => value switch
    {
        null => null,
        AddressValue address => new Nested<AddressValue>(address, decision, citizenRef),
        RelativeValue relative => new Nested<RelativeValue>(relative, decision, citizenRef),
        HouseholdValue household => new Nested<HouseholdValue>(household, decision, citizenRef),
        _ when decision.Outcome == FieldOutcome.Masked => PartialMasks.Apply(rule.WhenPartial, value),
        _ => value,
    };

    private sealed class ShapedDataLoaderResult(IDataLoaderResult inner, FieldDecision decision, FieldRule rule, string citizenRef) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            Shape(await inner.GetResultAsync(cancellationToken), decision, rule, citizenRef);
    }
}
