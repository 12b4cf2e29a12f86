using System.Globalization;
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
        context.RequestContext().Caller as T ?? throw context.Refuse(ErrorCode.QueryNotPermitted);

    /// <summary>
    /// Refuses this root field with a code, and records the refusal against the citizen it aimed at, if any: a probe
    /// of what one may not use or read is evidence.
    /// </summary>
    public static RegistryError Refuse(this IResolveFieldContext context, ErrorCode code, string? citizenRef = null)
    {
        context.RecordRootAccess(citizenRef, FieldDecision.Denied(DecisionReason.NoRuleForCaller), code.Wire());
        return RegistryError.At(code, context);
    }

    /// <summary>Records an access through this root field (its own fields record themselves through the middleware).</summary>
    public static void RecordRootAccess(this IResolveFieldContext context, string? citizenRef, FieldDecision decision, string? reason = null) =>
        context.RequestContext().Record(citizenRef, context.FieldCoordinate(), context.ResponsePathText(), decision, reason);

    /// <summary>
    /// Notes that this root field found or compared the citizen, naming the fields it compared (<c>personalId,
    /// religion</c>): a request-level entry if the request records none of that citizen's fields (an existence check,
    /// a filter, an identity check).
    /// </summary>
    public static void ReachCitizen(this IResolveFieldContext context, string citizenRef, string? comparedFields = null)
    {
        var how = string.IsNullOrEmpty(comparedFields) ? context.ResponsePathText() : $"{context.ResponsePathText()}({comparedFields})";
        context.RequestContext().Reach(citizenRef, context.FieldCoordinate(), how);
    }

    /// <summary>The coordinate of the field being resolved (<c>Query.citizen</c>, <c>Mutation.issueGrant</c>).</summary>
    public static string FieldCoordinate(this IResolveFieldContext context) => $"{context.ParentType.Name}.{context.FieldDefinition.Name}";

    public static DataCaller RequireDataCaller(this IResolveFieldContext context) => context.Require<DataCaller>();

    /// <summary>The response path as text (<c>citizen.father.fullName</c>), aliases included.</summary>
    /// <remarks>Written in one pass into one string: every guarded field of a page of 500 citizens asks for it.</remarks>
    public static string ResponsePathText(this IResolveFieldContext context)
    {
        var segments = context.ResponsePath as IReadOnlyList<object> ?? [.. context.ResponsePath];
        var length = segments.Count - 1;
        for (var i = 0; i < segments.Count; i++)
        {
            length += segments[i] is int index and >= 0 ? DigitsOf(index) : NameOf(segments[i]).Length;
        }

        return length < 0 ? string.Empty : string.Create(length, segments, static (text, segments) =>
        {
            for (var i = 0; i < segments.Count; i++)
            {
                if (i > 0)
                {
                    text[0] = '.';
                    text = text[1..];
                }

                var written = segments[i] is int index and >= 0 ? Format(index, text) : Copy(NameOf(segments[i]), text);
                text = text[written..];
            }
        });
    }

    private static string NameOf(object? segment) => segment as string ?? Convert.ToString(segment, CultureInfo.InvariantCulture) ?? string.Empty;

    private static int DigitsOf(int index)
    {
        var digits = 1;
        while ((index /= 10) > 0)
        {
            digits++;
        }

        return digits;
    }

    private static int Format(int index, Span<char> text)
    {
        index.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture);
        return written;
    }

    private static int Copy(string name, Span<char> text)
    {
        name.CopyTo(text);
        return name.Length;
    }
}
