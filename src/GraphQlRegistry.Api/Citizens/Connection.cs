using System.Text;

namespace GraphQlRegistry.Api.Citizens;

public sealed record Edge<T>(T Node, string Cursor);

/// <summary>
/// One page of a list, as the GraphQL Cursor Connections spec shapes it. Pages are read forward (<c>first</c>,
/// <c>after</c>): there is a previous page exactly when the page starts after a cursor.
/// </summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, bool HasNextPage, bool HasPreviousPage)
{
    public IEnumerable<T> Nodes => Edges.Select(edge => edge.Node);

    public PageInfo PageInfo => new(HasNextPage, HasPreviousPage, Edges.Count == 0 ? null : Edges[0].Cursor, Edges.Count == 0 ? null : Edges[^1].Cursor);
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

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
