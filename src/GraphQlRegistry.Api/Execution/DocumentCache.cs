using System.Collections.Concurrent;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// Parsed documents by query text, so a repeated query is not parsed again, and whether each has already passed the
/// spec's validation rules (which depend only on the document and the schema, so they need not run again).
/// Bounded: once full, new texts are parsed per request rather than evicting, which keeps the hot set stable and
/// the cache immune to flooding. Documents with syntax errors are not cached; the executor reports their error.
/// </summary>
public sealed class DocumentCache(int capacity = 2_000)
{
    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    public CachedDocument? Get(string query) => Get(query, out _);

    /// <summary>The parsed document, or null; <paramref name="nestsTooDeep"/> tells a document over the parser's depth (a limit) from a syntax error.</summary>
    public CachedDocument? Get(string query, out bool nestsTooDeep)
    {
        nestsTooDeep = false;
        if (_documents.TryGetValue(query, out var cached))
        {
            return cached;
        }

        GraphQLDocument document;
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
            nestsTooDeep = true;
            return null;
        }

        cached = new CachedDocument(document);
        return _documents.Count < capacity ? _documents.GetOrAdd(query, cached) : cached;
    }
}

/// <summary>A parsed document; <see cref="PassedSpecValidation"/> turns true once it executed after full validation.</summary>
public sealed class CachedDocument(GraphQLDocument document)
{
    private volatile bool _passedSpecValidation;

    public GraphQLDocument Document { get; } = document;

    /// <summary>Whether any operation or fragment selects a <c>citizens</c> field (by name, whatever its alias).</summary>
    public bool SearchesCitizens { get; } = Selects(document, "citizens");

    public bool PassedSpecValidation => _passedSpecValidation;

    public void MarkValidated() => _passedSpecValidation = true;

    private static bool Selects(GraphQLDocument document, string fieldName) => document.Definitions.Any(definition => definition switch
    {
        GraphQLOperationDefinition operation => Selects(operation.SelectionSet, fieldName),
        GraphQLFragmentDefinition fragment => Selects(fragment.SelectionSet, fieldName),
        _ => false,
    });

    private static bool Selects(GraphQLSelectionSet? selections, string fieldName) => selections is not null && selections.Selections.Any(selection => selection switch
    {
        GraphQLField field => field.Name.StringValue == fieldName || Selects(field.SelectionSet, fieldName),
        GraphQLInlineFragment inline => Selects(inline.SelectionSet, fieldName),
        _ => false,
    });
}
