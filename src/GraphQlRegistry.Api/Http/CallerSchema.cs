using GraphQLParser.AST;
using GraphQLParser.Visitors;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Api.Schema.Directives;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// The SDL as one caller may use it (<see cref="CallerView"/>): citizen fields it may never read are gone, masked ones
/// say so, filters and order keys it may not compare on are gone, the rule directives are dropped, and root fields
/// for other kinds of caller are left out. An integrator's own contract.
/// </summary>
public sealed class CallerSchema(SchemaRules rules, CallerView view)
{
    private static readonly string[] RuleDirectives =
        [EntitledDirective.DirectiveName, WhenPartialDirective.DirectiveName, ComparesDirective.DirectiveName, AccessLoggedDirective.DirectiveName];

    public async Task<string> PrintForAsync(Caller caller, CancellationToken cancellationToken)
    {
        var writer = new StringWriter();
        await new SDLPrinter().PrintAsync(DocumentFor(caller), writer, cancellationToken);
        return writer.ToString();
    }

    /// <summary>The caller's schema as a document: trimmed, then only the types its root fields can reach.</summary>
    public GraphQLDocument DocumentFor(Caller caller)
    {
        // Parsed per call because trimming edits the tree. The reviewed SDL is the served schema as printed (a test
        // holds it so), which keeps this independent of the schema object and of its introspection filter.
        var document = GraphQLParser.Parser.Parse(rules.Sdl);
        var definitions = document.Definitions.Where(d => d is not GraphQLDirectiveDefinition directive || !RuleDirectives.Contains(directive.Name.StringValue)).ToList();
        foreach (var definition in definitions)
        {
            Trim(definition, caller);
        }

        // Mutation stays only for a caller left with one of its fields (an officer's grants, a citizen's flags).
        var mutates = definitions.Exists(d => d is GraphQLObjectTypeDefinition { Name.StringValue: "Mutation", Fields.Items.Count: > 0 });
        if (!mutates)
        {
            definitions.RemoveAll(d => d is GraphQLObjectTypeDefinition { Name.StringValue: "Mutation" } or GraphQLSchemaDefinition);
        }

        var reachable = TypeReachability.From(definitions, mutates ? ["Query", "Mutation"] : ["Query"]);
        definitions.RemoveAll(d => d is GraphQLTypeDefinition type && !reachable.Contains(type.Name.StringValue));
        document.Definitions = definitions;
        return document;
    }

    private void Trim(ASTNode definition, Caller caller)
    {
        switch (definition)
        {
            case GraphQLObjectTypeDefinition { Fields: { } fields } type:
                var name = type.Name.StringValue;
                fields.Items = fields.Items.Where(f => view.ShowsField(caller, name, f.Name.StringValue)).ToList();
                foreach (var field in fields.Items)
                {
                    MarkMasked(field, view.Decide(caller, $"{name}.{field.Name.StringValue}"));
                    field.Directives = WithoutRuleDirectives(field.Directives);
                }

                type.Directives = WithoutRuleDirectives(type.Directives);
                break;
            case GraphQLInputObjectTypeDefinition { Fields: { } inputs } input:
                inputs.Items = inputs.Items.Where(f => view.ShowsInputField(caller, input.Name.StringValue, f.Name.StringValue)).ToList();
                break;
            case GraphQLEnumTypeDefinition { Values: { } values } enumType:
                values.Items = values.Items.Where(v => view.ShowsEnumValue(caller, enumType.Name.StringValue, v.Name.StringValue)).ToList();
                break;
        }
    }

    private static void MarkMasked(GraphQLFieldDefinition field, FieldDecision? decision)
    {
        if (decision is { Outcome: FieldOutcome.Masked })
        {
            field.Description = new GraphQLDescription("Partially masked for you.");
        }
    }

    private static GraphQLDirectives? WithoutRuleDirectives(GraphQLDirectives? directives)
    {
        if (directives is not null)
        {
            directives.Items = directives.Items.Where(d => !RuleDirectives.Contains(d.Name.StringValue)).ToList();
        }

        return directives;
    }
}
