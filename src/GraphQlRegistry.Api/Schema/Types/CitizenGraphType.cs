using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Citizens.Catalogue;

namespace GraphQlRegistry.Api.Schema.Types;

/// <summary>A citizen record, generated from the <see cref="CitizenCatalogue"/>; its rules come from the SDL.</summary>
public sealed class CitizenGraphType : ObjectGraphType<CitizenSource>, ICitizenDataGraphType
{
    private const string CatalogueMetadata = "registry:citizen-field";

    public CitizenGraphType()
    {
        Name = CitizenCatalogue.TypeName;
        foreach (var field in CitizenCatalogue.Fields)
        {
            var resolve = field.Resolve;
            AddField(new FieldType
            {
                Name = field.Name,
                Type = field.GraphType,
                Resolver = new FuncFieldResolver<object?>(context => resolve(context, (CitizenSource)context.Source!)),
            }.WithMetadata(CatalogueMetadata, field));
        }
    }

    /// <summary>The catalogue entry a served <c>Citizen</c> field was generated from.</summary>
    public static CitizenField? CatalogueEntryOf(FieldType field) => field.GetMetadata<CitizenField?>(CatalogueMetadata);
}
