using System.Collections.Frozen;
using GraphQL;

namespace GraphQlRegistry.Api.Schema;

/// <summary>The wire names of a C# enum (CONSTANT_CASE, as GraphQL.NET prints them), for claims and SDL that carry them as text.</summary>
public static class WireEnum<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(value => value.ToString().ToConstantCase(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> Names = ByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static string Name(T value) => Names[value];

    public static bool TryParse(string? name, out T value)
    {
        value = default;
        return name is not null && ByName.TryGetValue(name, out value);
    }
}
