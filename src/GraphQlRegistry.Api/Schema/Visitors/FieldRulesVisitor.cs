using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQlRegistry.Api.Schema.Directives;
using GraphQlRegistry.Api.Schema.Types;

namespace GraphQlRegistry.Api.Schema.Visitors;

/// <summary>
/// Attaches the SDL's rules to the served schema, once, while it is built: <c>@accessLogged</c> on each citizen-data
/// type and each of its fields' rule (metadata for enforcement, directives for printing). A served field of a logged
/// type that the SDL gives no rule, or a type carrying citizen data that the SDL does not log, stops start-up: its
/// fields would be served unjudged.
/// </summary>
public sealed class FieldRulesVisitor(SchemaRules rules) : BaseSchemaNodeVisitor
{
    private readonly List<string> _problems = [];

    public override void VisitObject(IObjectGraphType type, ISchema schema)
    {
        var logged = rules.IsLogged(type.Name);
        if (type is ICitizenDataGraphType && !logged)
        {
            _problems.Add($"{type.Name}: carries citizen data, but the SDL does not mark it @accessLogged.");
        }

        if (logged)
        {
            type.ApplyDirective(AccessLoggedDirective.DirectiveName);
        }
    }

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        var coordinate = $"{type.Name}.{field.Name}";
        if (rules.IsLogged(type.Name) && !rules.Attach(field, coordinate))
        {
            _problems.Add($"{coordinate}: served on an @accessLogged type, but the SDL gives it no rule.");
        }
    }

    public override void PostVisitSchema(ISchema schema)
    {
        if (_problems.Count > 0)
        {
            throw new SchemaCheckException(_problems);
        }
    }
}
