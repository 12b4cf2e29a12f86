using GraphQL;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Errors;

namespace GraphQlRegistry.Api.Execution;

public static class ResolveFieldContextExtensions
{
    public static RegistryRequestContext RequestContext(this IResolveFieldContext context) => (RegistryRequestContext)context.UserContext;

    /// <summary>The caller, if it is of the kind this operation serves; otherwise the field fails with <c>QUERY_NOT_PERMITTED</c>.</summary>
    public static T Require<T>(this IResolveFieldContext context) where T : Caller =>
        context.RequestContext().Caller as T ?? throw RegistryError.At(ErrorCode.QueryNotPermitted, context);

    public static DataCaller RequireDataCaller(this IResolveFieldContext context) => context.Require<DataCaller>();

    /// <summary>The response path as text (<c>citizen.father.fullName</c>), aliases included.</summary>
    public static string ResponsePathText(this IResolveFieldContext context) => string.Join('.', context.ResponsePath);
}
