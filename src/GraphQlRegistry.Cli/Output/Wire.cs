using GraphQlRegistry.Api.Schema;

namespace GraphQlRegistry.Cli.Output;

/// <summary>Enum values as the API and the JSON output spell them (<c>CREDIT_INSTITUTION</c>); a missing one as <c>-</c>.</summary>
public static class Wire
{
    public static string Name<T>(T value) where T : struct, Enum => WireEnum<T>.Name(value);

    public static string Name<T>(T? value) where T : struct, Enum => value is { } v ? WireEnum<T>.Name(v) : "-";
}
