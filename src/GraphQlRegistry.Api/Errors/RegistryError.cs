using GraphQL;

namespace GraphQlRegistry.Api.Errors;

/// <summary>A GraphQL error carrying one of our codes; a detail may add context that holds no personal data.</summary>
public sealed class RegistryError : ExecutionError
{
    public RegistryError(ErrorCode code, string? detail = null)
        : base(detail is null ? code.Message() : $"{code.Message()} {detail}")
    {
        Code = code.Wire();
    }

    /// <summary>The error at the field being resolved, with its response path and location.</summary>
    public static RegistryError At(ErrorCode code, IResolveFieldContext context, string? detail = null) =>
        new RegistryError(code, detail) { Path = context.ResponsePath }.AddLocation(context.FieldAst, context.Document);
}
