using GraphQL;
using GraphQlRegistry.Api.Callers;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// The seed's onward-sharing rule, on every response that carries citizen data (<c>extensions.disclosure</c>): under
/// which grant and for what purpose it was disclosed, the request id the access log records, and the terms.
/// </summary>
public static class Disclosure
{
    public const string Terms =
        "Data from the National Population Database may not be copied or handed to a third party without the permission of the competent NPD authority.";

    public static void Attach(ExecutionResult result, RegistryRequestContext context)
    {
        if (context.Caller is not DataCaller caller || !context.TouchedCitizenData)
        {
            return;
        }

        result.Extensions ??= [];
        result.Extensions["disclosure"] = new Dictionary<string, object?>
        {
            ["grantId"] = caller.Grant.Id,
            ["purpose"] = context.Access.Purpose ?? caller.Grant.Purpose,
            ["requestId"] = context.Access.RequestId,
            ["terms"] = Terms,
        };
    }
}
