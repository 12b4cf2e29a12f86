using System.Collections.Concurrent;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// Parsed documents by query text, so a repeated query is not parsed again. Bounded: once full, new texts are parsed
/// per request rather than evicting, which keeps the hot set stable and the cache immune to flooding.
/// Documents with syntax errors are not cached; the executor parses them and reports the error.
/// </summary>
public sealed class DocumentCache(int capacity = 2_000)
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public GraphQLDocument? Get(string query)
    {
        if (_documents.TryGetValue(query, out var document))
        {
            return document;
        }

        try
        {
            document = GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null;
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return null;
        }

        if (_documents.Count < capacity)
        {
            _documents.TryAdd(query, document);
        }

        return document;
    }
}
