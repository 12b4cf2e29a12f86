using System.Collections;
using System.Globalization;
using System.Text;
using CsCheck;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQlRegistry.Api.Execution.Validation;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>
/// A repeated document's inputs are read as GraphQL.NET reads them: for every document and variables, the fast path
/// gives the variables, argument values, directive values and errors that GraphQL.NET's own validator gives without
/// rules. Hostile variables (wrong types, nulls for non-null, unknown enum values, lists for scalars) included.
/// </summary>
public sealed class RepeatDocumentValidatorTests
{
    private const string Sdl = """
        directive @tag(name: String!, weight: Int = 1) on QUERY | MUTATION | FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | FRAGMENT_DEFINITION | VARIABLE_DEFINITION
        type Query {
          item(id: ID!, limit: Int = 5): Item
          items(ids: [ID!]!, color: Color): [Item]
          search(filter: Filter, first: Int): [Result]
          node(id: ID!): Node
        }
        interface Node { id: ID! }
        type Item implements Node { id: ID! name(upper: Boolean = false): String children(first: Int!, after: String): [Item] color: Color }
        type Other implements Node { id: ID! label(lang: String!): String }
        union Result = Item | Other
        input Filter { text: String! tags: [String!] min: Int = 0 color: Color }
        enum Color { RED GREEN }
        """;

    private static readonly ISchema Schema = BuildSchema();

    public static TheoryData<string, string?, string> Cases => new()
    {
        { "query Q($id: ID!, $n: Int, $up: Boolean) { item(id: $id, limit: $n) { id name(upper: $up) children(first: 2) { id } } }", null, """{"id":"1"}""" },
        { "query Q($id: ID!, $n: Int, $up: Boolean) { item(id: $id, limit: $n) { id name(upper: $up) children(first: 2) { id } } }", null, """{"id":"1","n":3,"up":true}""" },
        { "query Q($id: ID!, $n: Int, $up: Boolean) { item(id: $id, limit: $n) { id name(upper: $up) } }", null, """{"id":null}""" },
        { "query Q($id: ID!, $n: Int, $up: Boolean) { item(id: $id, limit: $n) { id name(upper: $up) } }", null, "{}" },
        { "query Q($id: ID!, $n: Int, $up: Boolean) { item(id: $id, limit: $n) { id name(upper: $up) } }", null, """{"id":"1","n":"x"}""" },
        { "query Q($id: ID!, $n: Int, $up: Boolean) { item(id: $id, limit: $n) { id name(upper: $up) } }", null, """{"id":["1"],"n":2147483648}""" },
        { "query Q($first: Int = 3) { item(id: \"1\") { children(first: $first) { id } } }", null, "{}" },
        { "query Q($first: Int = 3) { item(id: \"1\") { children(first: $first) { id } } }", null, """{"first":null}""" },
        { "query Q($first: Int = 3) { item(id: \"1\") { children(first: $first) { id } } }", null, """{"first":4}""" },
        { Fragments, null, """{"f":{"text":"a","tags":["x"],"color":"RED"},"lang":"vi","inc":true}""" },
        { Fragments, null, """{"f":{"tags":["x"]},"lang":"vi","inc":false}""" },
        { Fragments, null, """{"f":{"text":"a","tags":["x",null]},"lang":"vi","inc":true}""" },
        { Fragments, null, """{"f":{"text":"a","color":"BLUE"},"lang":"vi","inc":true}""" },
        { Fragments, null, """{"f":null,"inc":true}""" },
        { Fragments, null, """{"f":{"text":"a","extra":1},"lang":"vi"}""" },
        { "query Q($n: String!) { __type(name: $n) { name fields(includeDeprecated: true) { name } } __typename }", null, """{"n":"Item"}""" },
        { "query Q($n: String!) { __type(name: $n) { name } }", null, """{"n":7}""" },
        { Directives, null, "{}" },
        { Directives, null, """{"w":2}""" },
        { Directives, null, """{"w":"two"}""" },
        { TwoOperations, "B", """{"ids":["1","2"],"c":"RED"}""" },
        { TwoOperations, "B", """{"ids":["1",null]}""" },
        { TwoOperations, "B", """{"ids":"1"}""" },
        { TwoOperations, "B", """{"ids":["1"],"c":"BLUE"}""" },
        { TwoOperations, "A", """{"id":"9"}""" },
        { "{ item(id: \"1\", limit: \"x\") { id } }", null, "{}" },
        { "{ search { __typename } item(id: 1) { children(first: 1.5) { id } } }", null, "{}" },
        { "{ nope(x: 1) { a(b: 2) } item(id: \"1\") { id } }", null, "{}" },
        { "mutation M($x: Int) @tag(name: \"m\") { a(x: $x) }", null, """{"x":1}""" },
        { "query Q { item(id: \"1\") { ...F ...F } } fragment F on Item { children(first: 1) { id } }", null, "{}" },
    };

    private const string Fragments = """
        query Q($f: Filter, $lang: String!, $inc: Boolean!) {
          search(filter: $f, first: 10) { __typename ... on Item { id name(upper: true) } ... on Other { label(lang: $lang) } ...N }
          node(id: "x") { ...N ... on Other @include(if: $inc) { label(lang: "vi") } }
        }
        fragment N on Node { id ... on Item { children(first: 1) { ...N2 } } }
        fragment N2 on Item { name(upper: false) @skip(if: $inc) }
        """;

    private const string Directives = """
        query Q($w: Int @tag(name: "v")) @tag(name: "q", weight: $w) {
          item(id: "1") @tag(name: "f") { ...F @tag(name: "s", weight: $w) ... @tag(name: "i") { id } }
        }
        fragment F on Item @tag(name: "d") { id }
        """;

    private const string TwoOperations = "query A($id: ID!) { item(id: $id) { id } } query B($ids: [ID!]!, $c: Color) { items(ids: $ids, color: $c) { id color } }";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadsInputsAsGraphQLNetDoes(string query, string? operationName, string variables) =>
        Assert.Equal(await ReadAsync(new DocumentValidator(), query, operationName, variables), await ReadAsync(new RepeatDocumentValidator(), query, operationName, variables));

    [Fact]
    public async Task ReadsTheSameForAnyVariables()
    {
        var validator = new RepeatDocumentValidator();
        await Gen.Select(JsonValue(2), JsonValue(2), JsonValue(1), JsonValue(0)).SampleAsync(async (filter, lang, inc, weight) =>
        {
            var variables = $$"""{"f":{{filter}},"lang":{{lang}},"inc":{{inc}},"w":{{weight}}}""";
            foreach (var query in new[] { Fragments, Directives })
            {
                Assert.Equal(await ReadAsync(new DocumentValidator(), query, null, variables), await ReadAsync(validator, query, null, variables));
            }
        }, iter: 300);
    }

    [Fact]
    public async Task RulesStillRunWhenAsked()
    {
        var result = await ValidateAsync(new RepeatDocumentValidator(), "{ item(id: \"1\") { unknown } }", null, "{}", DocumentValidator.CoreRules);
        Assert.Contains(result.Errors, error => error.Code == "FIELDS_ON_CORRECT_TYPE");
    }

    [Fact]
    public async Task RepeatedRequestsReuseTheDocumentsInputs()
    {
        var validator = new RepeatDocumentValidator();
        var document = Parse(Fragments);
        var first = await ReadAsync(validator, document, null, """{"f":{"text":"a"},"lang":"vi","inc":true}""");
        var second = await ReadAsync(validator, document, null, """{"f":{"text":"b"},"lang":"en","inc":false}""");
        Assert.Equal(await ReadAsync(new DocumentValidator(), document, null, """{"f":{"text":"b"},"lang":"en","inc":false}"""), second);
        Assert.NotEqual(first, second);
    }

    private static readonly string[] Strings = ["\"a\"", "\"RED\"", "\"BLUE\"", "\"vi\"", "\"\""];

    private static readonly string[] InputFields = ["text", "tags", "min", "color", "extra"];

    private static Gen<string> JsonValue(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Const("null"), Gen.Const("true"), Gen.Const("false"), Gen.Int[-3, 3].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Const("1.5"), Gen.Const("2147483648"), Gen.Int[0, Strings.Length - 1].Select(i => Strings[i]));
        if (depth == 0)
        {
            return scalar;
        }

        var field = Gen.Select(Gen.Int[0, InputFields.Length - 1].Select(i => InputFields[i]), JsonValue(depth - 1), (name, value) => $"\"{name}\":{value}");
        return Gen.Frequency(
            (3, scalar),
            (1, JsonValue(depth - 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (2, field.Array[0, 4].Select(fields => "{" + string.Join(",", fields.DistinctBy(f => f[..f.IndexOf(':')])) + "}")));
    }

    private static Task<string> ReadAsync(IDocumentValidator validator, string query, string? operationName, string variables) =>
        ReadAsync(validator, Parse(query), operationName, variables);

    private static async Task<string> ReadAsync(IDocumentValidator validator, GraphQLDocument document, string? operationName, string variables) =>
        Canonical(await ValidateAsync(validator, document, operationName, variables, []));

    private static Task<IValidationResult> ValidateAsync(IDocumentValidator validator, string query, string? operationName, string variables, IEnumerable<IValidationRule> rules) =>
        ValidateAsync(validator, Parse(query), operationName, variables, rules);

    private static Task<IValidationResult> ValidateAsync(
        IDocumentValidator validator, GraphQLDocument document, string? operationName, string variables, IEnumerable<IValidationRule> rules) =>
        validator.ValidateAsync(new ValidationOptions
        {
            Schema = Schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().First(o => operationName is null || o.Name?.StringValue == operationName),
            Rules = rules,
            Variables = new GraphQLSerializer().Deserialize<Inputs>(variables) ?? Inputs.Empty,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
        });

    private static GraphQLDocument Parse(string query) =>
        GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });

    /// <summary>Everything a validation result tells the executor, as text: errors, variables, and inputs by the node's place in the query.</summary>
    private static string Canonical(IValidationResult result)
    {
        var text = new StringBuilder().Append("valid: ").Append(result.IsValid).AppendLine();
        foreach (var error in result.Errors)
        {
            text.Append("error: ").Append(error.GetType().Name).Append(' ').Append(error.Code).Append(' ').Append(error.Message)
                .Append(" at ").AppendJoin(",", error.Locations?.Select(l => $"{l.Line}:{l.Column}") ?? []).AppendLine();
        }

        foreach (var variable in result.Variables ?? Variables.None)
        {
            text.Append("variable: ").Append(variable.Name).Append(" = ").Append(Format(variable.Value)).Append(" default: ").Append(variable.IsDefault).AppendLine();
        }

        foreach (var (field, arguments) in (result.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, GraphQL.Execution.ArgumentValue>>()).OrderBy(pair => pair.Key.Location.Start))
        {
            text.Append("arguments at ").Append(field.Location.Start).Append(": ").AppendJoin("; ", Arguments(arguments)).AppendLine();
        }

        foreach (var (node, directives) in (result.DirectiveValues ?? new Dictionary<ASTNode, IDictionary<string, GraphQL.Execution.DirectiveInfo>>()).OrderBy(pair => pair.Key.Location.Start))
        {
            text.Append("directives at ").Append(node.Location.Start).Append(": ")
                .AppendJoin("; ", directives.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}({string.Join(", ", Arguments(d.Value.Arguments))})")).AppendLine();
        }

        return text.ToString();
    }

    private static IEnumerable<string> Arguments(IDictionary<string, GraphQL.Execution.ArgumentValue>? arguments) =>
        (arguments ?? new Dictionary<string, GraphQL.Execution.ArgumentValue>()).OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => $"{a.Key} = {Format(a.Value.Value)} from {a.Value.Source}");

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IDictionary<string, object?> map => "{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Format(p.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => $"{formattable.ToString(null, CultureInfo.InvariantCulture)}:{value.GetType().Name}",
        _ => $"{value}:{value.GetType().Name}",
    };

    private static ISchema BuildSchema()
    {
        // Validation never resolves an abstract type; the schema only has to say it could.
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            builder.Types.For("Result").ResolveType = _ => null!;
            builder.Types.For("Node").ResolveType = _ => null!;
        });
        schema.Initialize();
        return schema;
    }
}
