using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.Api.Execution;

namespace GraphQlRegistry.Api.Flags;

/// <summary>
/// The flags of the requests a response lists, loaded once per page by the resolver that read the page and kept on
/// the request's context, so an entry's <c>flags</c> costs no query of its own.
/// </summary>
public sealed class FlagsOfRequests
{
    private const string Key = "flagsOfRequests";
    private readonly Dictionary<string, List<AccessFlag>> _byRequest = new(StringComparer.Ordinal);

    public static FlagsOfRequests Of(RegistryRequestContext context)
    {
        if (context.TryGetValue(Key, out var existing) && existing is FlagsOfRequests flags)
        {
            return flags;
        }

        var created = new FlagsOfRequests();
        context[Key] = created;
        return created;
    }

    public void Add(ILookup<string, AccessFlag> flags)
    {
        foreach (var group in flags)
        {
            _byRequest[group.Key] = [.. group];
        }
    }

    public IReadOnlyList<AccessFlag> On(string requestId) => _byRequest.TryGetValue(requestId, out var flags) ? flags : [];
}
