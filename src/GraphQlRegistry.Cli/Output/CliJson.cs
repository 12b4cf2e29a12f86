using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphQlRegistry.Cli.Output;

/// <summary>The <c>--json</c> form of every command: camelCase names, enums by their wire names (<c>CREDIT_INSTITUTION</c>).</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static void Write<T>(T value)
    {
        using var stdout = Console.OpenStandardOutput();
        JsonSerializer.Serialize(stdout, value, Options);
        stdout.WriteByte((byte)'\n');
    }
}
