using GraphQL;
using GraphQL.Types;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Schema.Directives;

/// <summary>Puts a field's SDL rules back on the served field as applied directives, so the served SDL prints them.</summary>
public static class RuleDirectives
{
    public static void Apply(FieldType field, FieldRuleDefinition definition)
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
}
