using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQlRegistry.Api.Schema.Directives;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Schema;

/// <summary>
/// Reads the field rules from the reviewed SDL (<c>schema/registry.graphql</c>, embedded) into the frozen
/// <see cref="RuleTable"/>, and puts them back on the served types: as applied directives (so the served SDL prints
/// them and a test compares it with the file) and as field metadata (so enforcement finds its rule without a lookup).
/// </summary>
public sealed class SchemaRules
{
    public const string ResourceName = "registry.graphql";
    private const string RuleMetadata = "registry:rule";

    private readonly Dictionary<string, FieldRuleDefinition> _definitions;
    private readonly HashSet<string> _loggedTypes;

    public SchemaRules(string sdl)
    {
        var document = GraphQLParser.Parser.Parse(sdl);
        var types = document.Definitions.OfType<GraphQLObjectTypeDefinition>().ToList();
        _loggedTypes = types.Where(t => HasDirective(t.Directives, AccessLoggedDirective.DirectiveName)).Select(t => t.Name.StringValue).ToHashSet();
        _definitions = types
            .Where(t => _loggedTypes.Contains(t.Name.StringValue))
            .SelectMany(t => (t.Fields?.Items ?? []).Select(f => Define(t.Name.StringValue, f)))
            .ToDictionary(d => d.Coordinate);
        Table = RuleTable.Create(_definitions.Values);
    }

    public RuleTable Table { get; }

    public static string EmbeddedSdl()
    {
        using var stream = typeof(SchemaRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static FieldRule? RuleOf(FieldType field) => field.GetMetadata<FieldRule?>(RuleMetadata);

    /// <summary>Marks a citizen-data type and each of its fields with the rules the SDL gives them.</summary>
    public void Annotate(IObjectGraphType type)
    {
        if (!_loggedTypes.Contains(type.Name))
        {
            throw new InvalidOperationException($"The SDL does not mark {type.Name} as @accessLogged.");
        }

        type.ApplyDirective(AccessLoggedDirective.DirectiveName);
        foreach (var field in type.Fields)
        {
            var coordinate = $"{type.Name}.{field.Name}";
            var definition = _definitions.GetValueOrDefault(coordinate) ?? new FieldRuleDefinition(coordinate, []);
            field.WithMetadata(RuleMetadata, Table[coordinate]);
            Apply(field, definition);
        }
    }

    private static void Apply(FieldType field, FieldRuleDefinition definition)
    {
        foreach (var rule in definition.Rules)
        {
            field.ApplyDirective(EntitledDirective.DirectiveName, directive =>
            {
                directive.AddArgument(new DirectiveArgument("orgTypes") { Value = rule.OrgTypes.Members.ToList() });
                if (rule.GrantedBy is { } grantedBy)
                {
                    directive.AddArgument(new DirectiveArgument("grantedBy") { Value = grantedBy.Members.ToList() });
                }

                if (rule.Mask != FieldMask.None)
                {
                    directive.AddArgument(new DirectiveArgument("mask") { Value = rule.Mask });
                }
            });
        }

        if (definition.WhenPartial != PartialRendering.Hidden)
        {
            field.ApplyDirective(WhenPartialDirective.DirectiveName, "render", definition.WhenPartial);
        }

        if (definition.ComparesTo is { } compared)
        {
            field.ApplyDirective(ComparesDirective.DirectiveName, "field", compared);
        }
    }

    private static FieldRuleDefinition Define(string typeName, GraphQLFieldDefinition field)
    {
        var directives = field.Directives?.Items ?? [];
        var rules = directives.Where(d => d.Name.StringValue == EntitledDirective.DirectiveName).Select(ParseEntitled).ToList();
        var whenPartial = directives.FirstOrDefault(d => d.Name.StringValue == WhenPartialDirective.DirectiveName) is { } partial
            ? ParseEnum<PartialRendering>(Argument(partial, "render"))
            : PartialRendering.Hidden;
        var compares = directives.FirstOrDefault(d => d.Name.StringValue == ComparesDirective.DirectiveName) is { } comparison
            ? ((GraphQLStringValue)Argument(comparison, "field")!).Value.ToString()
            : null;
        return new FieldRuleDefinition($"{typeName}.{field.Name.StringValue}", rules, whenPartial, compares);
    }

    private static EntitlementRule ParseEntitled(GraphQLDirective directive)
    {
        var orgTypes = OrganizationTypeSet.Of(ParseEnumList<OrganizationType>(Argument(directive, "orgTypes")));
        AuthoritySet? grantedBy = Argument(directive, "grantedBy") is { } authorities
            ? AuthoritySet.Of(ParseEnumList<GrantingAuthority>(authorities))
            : null;
        var mask = Argument(directive, "mask") is { } maskValue ? ParseEnum<FieldMask>(maskValue) : FieldMask.None;
        return new EntitlementRule(orgTypes, grantedBy, mask);
    }

    private static GraphQLValue? Argument(GraphQLDirective directive, string name) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;

    private static IEnumerable<T> ParseEnumList<T>(GraphQLValue? value) where T : struct, Enum =>
        value is GraphQLListValue list ? (list.Values ?? []).Select(ParseEnum<T>) : [ParseEnum<T>(value)];

    private static T ParseEnum<T>(GraphQLValue? value) where T : struct, Enum =>
        value is GraphQLEnumValue enumValue && WireEnum<T>.TryParse(enumValue.Name.StringValue, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"The SDL has an invalid {typeof(T).Name} value in a field rule.");

    private static bool HasDirective(GraphQLDirectives? directives, string name) =>
        directives?.Items.Any(d => d.Name.StringValue == name) == true;
}
