using System.Collections.Frozen;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Schema.Visitors;

/// <summary>
/// Gives the served schema the descriptions of the reviewed SDL, so documentation is written once, in the file
/// integrators read. Anything the SDL defines takes exactly its description (none where it has none); what the SDL
/// does not define (built-in scalars and directives) keeps its own.
/// </summary>
public sealed class SdlDescriptionsVisitor(GraphQLDocument sdl) : BaseSchemaNodeVisitor
{
    private readonly FrozenDictionary<string, string?> _descriptions = Collect(sdl).ToFrozenDictionary(StringComparer.Ordinal);

    public override void VisitSchema(ISchema schema) => Describe("schema", d => schema.Description = d);

    public override void VisitObject(IObjectGraphType type, ISchema schema) => Describe(type.Name, d => type.Description = d);

    public override void VisitInputObject(IInputObjectGraphType type, ISchema schema) => Describe(type.Name, d => type.Description = d);

    public override void VisitEnum(EnumerationGraphType type, ISchema schema) => Describe(type.Name, d => type.Description = d);

    public override void VisitScalar(ScalarGraphType type, ISchema schema) => Describe(type.Name, d => type.Description = d);

    public override void VisitDirective(Directive directive, ISchema schema) => Describe("@" + directive.Name, d => directive.Description = d);

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) =>
        Describe($"{type.Name}.{field.Name}", d => field.Description = d);

    public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema) =>
        Describe($"{type.Name}.{field.Name}", d => field.Description = d);

    public override void VisitObjectFieldArgumentDefinition(QueryArgument argument, FieldType field, IObjectGraphType type, ISchema schema) =>
        Describe($"{type.Name}.{field.Name}({argument.Name}:)", d => argument.Description = d);

    public override void VisitDirectiveArgumentDefinition(QueryArgument argument, Directive directive, ISchema schema) =>
        Describe($"@{directive.Name}({argument.Name}:)", d => argument.Description = d);

    public override void VisitEnumValue(EnumValueDefinition value, EnumerationGraphType type, ISchema schema) =>
        Describe($"{type.Name}.{value.Name}", d => value.Description = d);

    private void Describe(string coordinate, Action<string?> set)
    {
        if (_descriptions.TryGetValue(coordinate, out var description))
        {
            set(description);
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Collect(GraphQLDocument sdl)
    {
        foreach (var definition in sdl.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    yield return Entry("schema", schema.Description);
                    break;
                case GraphQLDirectiveDefinition directive:
                    yield return Entry("@" + directive.Name.StringValue, directive.Description);
                    foreach (var argument in directive.Arguments?.Items ?? [])
                    {
                        yield return Entry($"@{directive.Name.StringValue}({argument.Name.StringValue}:)", argument.Description);
                    }

                    break;
                case GraphQLTypeDefinition type:
                    yield return Entry(type.Name.StringValue, type.Description);
                    foreach (var member in Members(type))
                    {
                        yield return member;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Members(GraphQLTypeDefinition type)
    {
        var name = type.Name.StringValue;
        return type switch
        {
            GraphQLObjectTypeDefinition obj => (obj.Fields?.Items ?? []).SelectMany(field =>
                (field.Arguments?.Items ?? []).Select(a => Entry($"{name}.{field.Name.StringValue}({a.Name.StringValue}:)", a.Description))
                    .Prepend(Entry($"{name}.{field.Name.StringValue}", field.Description))),
            GraphQLInputObjectTypeDefinition input => (input.Fields?.Items ?? []).Select(f => Entry($"{name}.{f.Name.StringValue}", f.Description)),
            GraphQLEnumTypeDefinition enumType => (enumType.Values?.Items ?? []).Select(v => Entry($"{name}.{v.Name.StringValue}", v.Description)),
            _ => [],
        };
    }

    private static KeyValuePair<string, string?> Entry(string coordinate, GraphQLDescription? description) =>
        new(coordinate, description?.Value.ToString());
}
