using GraphQlRegistry.Api.Schema.Types;
using GraphQlRegistry.Api.Schema.Directives;

namespace GraphQlRegistry.Api.Schema;

public sealed class RegistrySchema : GraphQL.Types.Schema
{
    public RegistrySchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation) : base(services)
    {
        Description = "GraphQlRegistry: field-level-secured access to the National Population Database.";
        Query = query;
        Mutation = mutation;

        // SPEC §4: graphql-js's introspection query with directiveIsRepeatable is served.
        Features.RepeatableDirectives = true;
        Directives.Register(new EntitledDirective(), new WhenPartialDirective(), new ComparesDirective(), new AccessLoggedDirective());
    }
}
