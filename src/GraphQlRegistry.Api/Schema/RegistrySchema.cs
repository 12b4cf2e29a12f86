using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Schema.Directives;
using GraphQlRegistry.Api.Schema.Types;
using GraphQlRegistry.Api.Schema.Visitors;

namespace GraphQlRegistry.Api.Schema;

/// <summary>The served schema: code-first types, with descriptions and field rules carried over from the reviewed SDL.</summary>
public sealed class RegistrySchema : GraphQL.Types.Schema
{
    public RegistrySchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation, SchemaRules rules, RegistrySettings settings)
        : base(services)
    {
        Query = query;
        Mutation = mutation;

        // graphql-js's getIntrospectionQuery({ directiveIsRepeatable: true }) asks for __Directive.isRepeatable. Applied
        // directives stay off, so introspection does not show callers the rules written in @entitled.
        Features.RepeatableDirectives = true;
        Directives.Register(new EntitledDirective(), new WhenPartialDirective(), new ComparesDirective(), new AccessLoggedDirective());
        RegisterVisitor(new SdlDescriptionsVisitor(rules.Document));
        RegisterVisitor(new FieldRulesVisitor(rules));
        if (settings.Options.Security.Introspection == IntrospectionMode.Caller)
        {
            Filter = services.GetRequiredService<CallerIntrospectionFilter>();
        }
    }
}
