using GraphQL;
using GraphQlRegistry.Api.Errors;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>Bounds the errors one response carries, so a large page of denied fields cannot grow the response without end.</summary>
public static class ResponseErrors
{
    /// <summary>Keeps the first <paramref name="max"/> errors and puts one <c>ERRORS_TRUNCATED</c> error after them.</summary>
    public static ExecutionResult Cap(ExecutionResult result, int max)
    {
        if (result.Errors is not { } errors || errors.Count <= max)
        {
            return result;
        }

        var kept = new ExecutionErrors();
        foreach (var error in errors.Take(max))
        {
            kept.Add(error);
        }

        kept.Add(new RegistryError(ErrorCode.ErrorsTruncated, $"{errors.Count - max} more were left out."));
        result.Errors = kept;
        return result;
    }
}
