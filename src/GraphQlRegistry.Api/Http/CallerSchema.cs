using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Api.Schema.Directives;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// The SDL as one caller may use it: citizen fields it may never read are gone, masked ones say so, the rule
/// directives are dropped, and root fields for other kinds of caller are left out. An integrator's own contract.
/// </summary>
public sealed class CallerSchema(ISchema schema, RuleTable rules)
{
    private static readonly string[] AuditorFields = ["accessLog", "accessStats", "verifyAccessLog"];
    private static readonly string[] DataFields = ["citizen", "citizens", "verifyIdentity", "me", "myEntitlements", "myAccessHistory"];
    private static readonly string[] RuleDirectives =
        [EntitledDirective.DirectiveName, WhenPartialDirective.DirectiveName, ComparesDirective.DirectiveName, AccessLoggedDirective.DirectiveName];

    private readonly Lazy<string> _servedSdl = new(() => schema.Print(new PrintOptions { IncludeDescriptions = true }));

    public async Task<string> PrintForAsync(Caller caller, CancellationToken cancellationToken)
    {
        // Parsed per request because trimming edits the tree; the schema is frozen, so it is printed once.
        var document = GraphQLParser.Parser.Parse(_servedSdl.Value);
        var definitions = document.Definitions.Where(d => d is not GraphQLDirectiveDefinition directive || !RuleDirectives.Contains(directive.Name.StringValue)).ToList();
        foreach (var type in definitions.OfType<GraphQLObjectTypeDefinition>())
        {
            Trim(type, caller);
        }

        if (caller is not GrantingOfficerCaller)
        {
            definitions.RemoveAll(d => d is GraphQLObjectTypeDefinition { Name.StringValue: "Mutation" } or GraphQLSchemaDefinition);
        }

        document.Definitions = definitions;
        var writer = new StringWriter();
        await new SDLPrinter().PrintAsync(document, writer, cancellationToken);
        return writer.ToString();
    }

    private void Trim(GraphQLObjectTypeDefinition type, Caller caller)
    {
        if (type.Fields is null)
        {
            return;
        }

        var kept = new List<GraphQLFieldDefinition>();
        foreach (var field in type.Fields.Items)
        {
            var coordinate = $"{type.Name.StringValue}.{field.Name.StringValue}";
            if (type.Name.StringValue == "Query" && !MayUseRoot(caller, field.Name.StringValue))
            {
                continue;
            }

            if (rules.Find(coordinate) is { IsGrantable: true } rule)
            {
                var decision = caller is DataCaller data ? data.Decide(rule) : FieldDecision.Denied(DecisionReason.NoRuleForCaller);
                if (decision.IsDenied)
                {
                    continue;
                }

                if (decision.Outcome == FieldOutcome.Masked)
                {
                    field.Description = new GraphQLDescription("Partially masked for you.");
                }
            }

            if (field.Directives is not null)
            {
                field.Directives.Items = field.Directives.Items.Where(d => !RuleDirectives.Contains(d.Name.StringValue)).ToList();
            }

            kept.Add(field);
        }

        type.Fields.Items = kept;
        if (type.Directives is not null)
        {
            type.Directives.Items = type.Directives.Items.Where(d => !RuleDirectives.Contains(d.Name.StringValue)).ToList();
        }
    }

    private static bool MayUseRoot(Caller caller, string field) => caller switch
    {
        AuditorCaller => AuditorFields.Contains(field),
        DataCaller data => DataFields.Contains(field)
            && (field != "citizens" || data.Type.IsStateAgency())
            && (field is not ("me" or "myAccessHistory") || data.Type == OrganizationType.Citizen),
        _ => false,
    };
}
