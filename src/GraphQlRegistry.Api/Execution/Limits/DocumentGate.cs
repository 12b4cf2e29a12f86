using GraphQL.Transport;
using GraphQlRegistry.Api.Errors;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>
/// What is decided about a parsed document before validation reads it: its limits (<see cref="DocumentLimits"/>) and,
/// when switched off, introspection. Null when the document may go on to validation.
/// </summary>
public sealed class DocumentGate(QueryLimits limits, IntrospectionMode introspection)
{
    public RegistryError? Refusal(GraphQLRequest request, CachedDocument? cached, bool nestsTooDeep)
    {
        if (nestsTooDeep)
        {
            return new RegistryError(ErrorCode.QueryTooComplex, DocumentLimit.Depth.Describe(limits));
        }

        if (cached is null)
        {
            // A syntax error: the executor reports it.
            return null;
        }

        var limit = DocumentLimits.Check(cached.Document, request.OperationName, request.Variables, limits);
        if (limit != DocumentLimit.None)
        {
            return new RegistryError(ErrorCode.QueryTooComplex, limit.Describe(limits));
        }

        return introspection == IntrospectionMode.Off && Introspection.IsRequested(cached.Document)
            ? new RegistryError(ErrorCode.IntrospectionDisabled)
            : null;
    }
}
