using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQlRegistry.Api.Citizens.Catalogue;
using GraphQlRegistry.Api.Schema.Directives;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Schema;

/// <summary>
/// Reads the reviewed SDL (<c>schema/registry.graphql</c>, embedded) once: its field rules into the frozen
/// <see cref="RuleTable"/>, checked together with the citizen catalogue. Every problem found is reported at once, and
/// any problem stops start-up. The served types get the rules and descriptions back from the schema visitors.
/// </summary>
public sealed class SchemaRules
{
    public const string ResourceName = "registry.graphql";
    private const string RuleMetadata = "registry:rule";

    private readonly Dictionary<string, FieldRuleDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loggedTypes;

    public SchemaRules(string sdl)
    {
        Sdl = sdl;
        Document = GraphQLParser.Parser.Parse(sdl);
        var problems = new List<string>();
        var types = Document.Definitions.OfType<GraphQLObjectTypeDefinition>().ToList();
        _loggedTypes = types.Where(t => HasDirective(t.Directives, AccessLoggedDirective.DirectiveName)).Select(t => t.Name.StringValue).ToHashSet();
        foreach (var type in types.Where(t => _loggedTypes.Contains(t.Name.StringValue)))
        {
            var definitions = (type.Fields?.Items ?? []).Select(f => Define(type.Name.StringValue, f, problems)).ToList();
            problems.AddRange(LoggedTypeShape.Problems(type.Name.StringValue, definitions));
            foreach (var definition in definitions)
            {
                _definitions.TryAdd(definition.Coordinate, definition);
            }
        }

        Table = BuildTable(problems);
        problems.AddRange(CatalogueCheck.Problems(Document, Table));
        if (problems.Count > 0)
        {
            throw new SchemaCheckException(problems);
        }
    }

    /// <summary>The reviewed SDL as text; the served schema prints exactly as it (a test holds it so).</summary>
    public string Sdl { get; }

    /// <summary>The parsed SDL, for the visitors that carry its descriptions and rules onto the served schema.</summary>
    public GraphQLDocument Document { get; }

    public RuleTable Table { get; }

    public static string EmbeddedSdl()
    {
        using var stream = typeof(SchemaRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static FieldRule? RuleOf(FieldType field) => field.GetMetadata<FieldRule?>(RuleMetadata);

    public bool IsLogged(string typeName) => _loggedTypes.Contains(typeName);

    /// <summary>Gives a served field of a logged type its rule: as metadata for enforcement, as directives for the printed SDL.</summary>
    public bool Attach(FieldType field, string coordinate)
    {
        if (Table.Find(coordinate) is not { } rule || !_definitions.TryGetValue(coordinate, out var definition))
        {
            return false;
        }

        field.WithMetadata(RuleMetadata, rule);
        RuleDirectives.Apply(field, definition);
        return true;
    }

    private RuleTable BuildTable(List<string> problems)
    {
        try
        {
            return RuleTable.Create(_definitions.Values);
        }
        catch (RuleTableException exception)
        {
            problems.AddRange(exception.Problems);
            return RuleTable.Create([]);
        }
    }

    private static FieldRuleDefinition Define(string typeName, GraphQLFieldDefinition field, List<string> problems)
    {
        var coordinate = $"{typeName}.{field.Name.StringValue}";
        var directives = field.Directives?.Items ?? [];
        var rules = directives.Where(d => d.Name.StringValue == EntitledDirective.DirectiveName).Select(d => ParseEntitled(coordinate, d, problems)).ToList();
        var whenPartial = directives.FirstOrDefault(d => d.Name.StringValue == WhenPartialDirective.DirectiveName) is { } partial
            ? ParseEnum<PartialRendering>(coordinate, Argument(partial, "render"), problems) ?? PartialRendering.Hidden
            : PartialRendering.Hidden;
        var compares = directives.FirstOrDefault(d => d.Name.StringValue == ComparesDirective.DirectiveName) is { } comparison
            ? (Argument(comparison, "field") as GraphQLStringValue)?.Value.ToString()
            : null;
        return new FieldRuleDefinition(coordinate, rules, whenPartial, compares);
    }

    private static EntitlementRule ParseEntitled(string coordinate, GraphQLDirective directive, List<string> problems)
    {
        var orgTypes = OrganizationTypeSet.Of(ParseEnumList<OrganizationType>(coordinate, Argument(directive, "orgTypes"), problems));
        AuthoritySet? grantedBy = Argument(directive, "grantedBy") is { } authorities
            ? AuthoritySet.Of(ParseEnumList<GrantingAuthority>(coordinate, authorities, problems))
            : null;
        var mask = Argument(directive, "mask") is { } maskValue ? ParseEnum<FieldMask>(coordinate, maskValue, problems) ?? FieldMask.None : FieldMask.None;
        return new EntitlementRule(orgTypes, grantedBy, mask);
    }

    private static GraphQLValue? Argument(GraphQLDirective directive, string name) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;

    private static IEnumerable<T> ParseEnumList<T>(string coordinate, GraphQLValue? value, List<string> problems) where T : struct, Enum =>
        (value is GraphQLListValue list ? list.Values ?? [] : value is null ? [] : [value]).Select(item => ParseEnum<T>(coordinate, item, problems)).OfType<T>().ToList();

    private static T? ParseEnum<T>(string coordinate, GraphQLValue? value, List<string> problems) where T : struct, Enum
    {
        if (value is GraphQLEnumValue enumValue && WireEnum<T>.TryParse(enumValue.Name.StringValue, out var parsed))
        {
            return parsed;
        }

        problems.Add($"{coordinate}: a rule names a {typeof(T).Name} value that does not exist.");
        return null;
    }

    private static bool HasDirective(GraphQLDirectives? directives, string name) =>
        directives?.Items.Any(d => d.Name.StringValue == name) == true;
}

/// <summary>The SDL and the code disagree; every problem found is listed, and the server does not start.</summary>
public sealed class SchemaCheckException(IReadOnlyList<string> problems)
    : Exception("The schema (schema/registry.graphql) and the citizen catalogue are inconsistent:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
