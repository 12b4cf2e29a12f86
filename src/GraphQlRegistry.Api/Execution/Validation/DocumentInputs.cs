using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution.Validation;

/// <summary>
/// Where one operation of a document takes its inputs, which depends on the document and the schema only: the variable
/// usages GraphQL.NET checks a nullable variable's value against, and the operation's <see cref="InputSite"/>s, in the
/// order GraphQL.NET's argument parser meets them. Found once; <see cref="RepeatDocumentValidator"/> reads them for
/// every later request, where GraphQL.NET would walk the whole document twice to find them again.
/// </summary>
public sealed class DocumentInputs
{
    private DocumentInputs(List<VariableUsage>? usages, IReadOnlyList<InputSite> sites) => (Usages, Sites) = (usages, sites);

    public List<VariableUsage>? Usages { get; }

    public IReadOnlyList<InputSite> Sites { get; }

    /// <summary>
    /// The inputs of <paramref name="operation"/>: as GraphQL.NET's parser does, each field's definition found from the
    /// type its parent pushed (a union field pushes none), each fragment followed once, a field without a definition skipped
    /// with all it selects, and an operation type the schema lacks leaving only the operation's own directives.
    /// </summary>
    public static DocumentInputs Of(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var usages = new ValidationContext { Schema = schema, Document = document, Operation = operation }.GetRecursiveVariables(operation);
        var finder = new SiteFinder(schema, document);
        finder.Operation(operation);
        return new DocumentInputs(usages, finder.Sites);
    }

    private sealed class SiteFinder(ISchema schema, GraphQLDocument document)
    {
        private readonly HashSet<ROM> _followedFragments = [];

        public List<InputSite> Sites { get; } = [];

        public void Operation(GraphQLOperationDefinition operation)
        {
            Directed(operation);
            IComplexGraphType? root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => null,
            };
            if (root is null)
            {
                return;
            }

            foreach (var variable in operation.Variables?.Items ?? [])
            {
                Directed(variable);
            }

            Selections(operation.SelectionSet, root);
        }

        private void Selections(GraphQLSelectionSet? selections, IComplexGraphType? type)
        {
            foreach (var selection in selections?.Selections ?? [])
            {
                switch (selection)
                {
                    case GraphQLField field:
                        Field(field, type);
                        break;
                    case GraphQLInlineFragment inline:
                        Directed(inline);
                        Fragment(inline.TypeCondition, inline.SelectionSet, type);
                        break;
                    case GraphQLFragmentSpread spread:
                        Directed(spread);
                        Spread(spread);
                        break;
                }
            }

            void Spread(GraphQLFragmentSpread spread)
            {
                if (_followedFragments.Add(spread.FragmentName.Name.Value) && document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition)
                {
                    Directed(definition);
                    Fragment(definition.TypeCondition, definition.SelectionSet, type);
                }
            }
        }

        private void Field(GraphQLField field, IComplexGraphType? type)
        {
            Directed(field);
            var name = field.Name.Value;
            var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : type?.Fields.Find(name);
            if (definition is null)
            {
                return;
            }

            if (field.Arguments?.Count > 0)
            {
                Sites.Add(new InputSite(field, definition));
            }

            switch (definition.ResolvedType?.GetNamedType())
            {
                case IComplexGraphType complex:
                    Selections(field.SelectionSet, complex);
                    break;
                case UnionGraphType:
                    Selections(field.SelectionSet, type);
                    break;
            }
        }

        private void Fragment(GraphQLTypeCondition? condition, GraphQLSelectionSet selections, IComplexGraphType? type)
        {
            if (condition is null)
            {
                Selections(selections, type);
                return;
            }

            switch (schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
            {
                case IComplexGraphType complex:
                    Selections(selections, complex);
                    break;
                case IAbstractGraphType:
                    Selections(selections, type);
                    break;
            }
        }

        private void Directed(ASTNode node)
        {
            if (node is IHasDirectivesNode { Directives.Count: > 0 })
            {
                Sites.Add(new InputSite(node, null));
            }
        }
    }
}

/// <summary>A node whose directives (<see cref="Field"/> null) or whose field arguments (<see cref="Field"/>, its definition) take inputs.</summary>
public readonly record struct InputSite(ASTNode Node, FieldType? Field);
