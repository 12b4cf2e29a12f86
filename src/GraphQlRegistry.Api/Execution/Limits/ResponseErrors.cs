using GraphQL;
using GraphQlRegistry.Api.Errors;

namespace GraphQlRegistry.Api.Execution.Limits;

/// <summary>
/// The last shaping of a response's errors: outside Development no schema hints ("Did you mean ...?", which would map
/// fields a caller may not read), and a bound on their number, so a large page of denied fields cannot grow without end.
/// </summary>
public static class ResponseErrors
{
    private const string SchemaHint = " Did you mean";

    public static ExecutionResult Shape(ExecutionResult result, int maxErrors, bool withSchemaHints) =>
        Cap(withSchemaHints ? result : WithoutSchemaHints(result), maxErrors);

    /// <summary>Each error whose message suggests names is replaced by one with the message cut before the suggestion.</summary>
    public static ExecutionResult WithoutSchemaHints(ExecutionResult result)
    {
        if (result.Errors is not { } errors || !errors.Any(e => e.Message.Contains(SchemaHint, StringComparison.Ordinal)))
        {
            return result;
        }

        var shaped = new ExecutionErrors();
        foreach (var error in errors)
        {
            var hint = error.Message.IndexOf(SchemaHint, StringComparison.Ordinal);
            if (hint < 0)
            {
                shaped.Add(error);
                continue;
            }

            var plain = new ExecutionError(error.Message[..hint]) { Code = error.Code, Path = error.Path };
            foreach (var location in error.Locations ?? [])
            {
                plain.AddLocation(location);
            }

            shaped.Add(plain);
        }

        result.Errors = shaped;
        return result;
    }

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
