using System.Text;

namespace GraphQlRegistry.Api.Citizens;

public sealed record Edge<T>(T Node, string Cursor);

public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, bool HasNextPage)
{
    public string? EndCursor => Edges.Count == 0 ? null : Edges[^1].Cursor;
}

/// <summary>An opaque cursor holding a position in the ordered result; it reveals no field value.</summary>
public static class OffsetCursor
{
    private const string Prefix = "o:";

    public static string Encode(int position) => Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + position));

    public static int? Decode(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out var position) && position >= 0
                ? position
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
