using GraphQL;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Execution;

public static class ResolveFieldContextExtensions
{
    public static RegistryRequestContext RequestContext(this IResolveFieldContext context) => (RegistryRequestContext)context.UserContext;

    /// <summary>The caller, if it is of the kind this operation serves; otherwise the field fails with <c>QUERY_NOT_PERMITTED</c>.</summary>
    public static T Require<T>(this IResolveFieldContext context) where T : Caller =>
        context.RequestContext().Caller as T ?? throw context.RefuseOperation();

    /// <summary>Refuses this root operation to this caller, and records the refusal: a probe of what one may not use is evidence.</summary>
    public static RegistryError RefuseOperation(this IResolveFieldContext context)
    {
        context.RequestContext().Record(null, $"{context.ParentType.Name}.{context.FieldDefinition.Name}", context.ResponsePathText(),
            FieldDecision.Denied(DecisionReason.NoRuleForCaller), ErrorCode.QueryNotPermitted.Wire());
        return RegistryError.At(ErrorCode.QueryNotPermitted, context);
    }

    public static DataCaller RequireDataCaller(this IResolveFieldContext context) => context.Require<DataCaller>();

    /// <summary>The response path as text (<c>citizen.father.fullName</c>), aliases included.</summary>
    public static string ResponsePathText(this IResolveFieldContext context) => string.Join('.', context.ResponsePath);
}
