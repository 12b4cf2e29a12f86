using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphQlRegistry.Api.Execution.Validation;

/// <summary>
/// GraphQL.NET's validator, except when no rule is to run (a cached document that passed them, <see cref="GraphQLExecution"/>):
/// then it does what GraphQL.NET's does without rules, coerce the variables and parse the arguments and directives, from
/// the operation's <see cref="DocumentInputs"/>, found once, instead of two walks of the whole document per request. For
/// the KYC lookup those walks were a tenth of the request's CPU (README, Measuring). The values themselves are still
/// coerced by GraphQL.NET's own code, and every error is the one it reports.
/// </summary>
public sealed class RepeatDocumentValidator : IDocumentValidator
{
    private readonly DocumentValidator _full = new();
    // By document (kept while the document cache keeps it), then by schema and operation: the inputs depend on all three.
    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<(ISchema Schema, GraphQLOperationDefinition Operation), DocumentInputs>> _inputs = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) =>
        options.Rules is { } rules && !rules.Any() ? WithoutRulesAsync(options) : _full.ValidateAsync(options);

    private async Task<IValidationResult> WithoutRulesAsync(ValidationOptions options)
    {
        options.Schema.Initialize();
        var inputs = InputsOf(options.Schema, options.Document, options.Operation);
        var context = new ValidationContext
        {
            Schema = options.Schema, Document = options.Document, Operation = options.Operation, Variables = options.Variables,
            Extensions = options.Extensions, UserContext = options.UserContext, Metrics = options.Metrics, RequestServices = options.RequestServices,
            User = options.User, CancellationToken = options.CancellationToken,
        };
        RecursiveVariables(context)[options.Operation] = inputs.Usages;

        var (variables, errors) = await context.GetVariablesValuesAsync();
        if (errors is not null)
        {
            return new ValidationResult(errors) { Variables = variables };
        }

        return Parse(inputs, options.Schema, options.Document, variables);
    }

    private static ValidationResult Parse(DocumentInputs inputs, ISchema schema, GraphQLDocument document, Variables variables)
    {
        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
        List<ValidationError>? errors = null;
        foreach (var (node, field) in inputs.Sites)
        {
            try
            {
                if (field is null)
                {
                    if (ExecutionHelper.GetDirectives((IHasDirectivesNode)node, variables, schema, document) is { } values)
                    {
                        (directives ??= []).Add(node, values);
                    }
                }
                else if (ExecutionHelper.GetArguments(field.Arguments, ((GraphQLField)node).Arguments, variables, document, node, null) is { } values)
                {
                    (arguments ??= []).Add((GraphQLField)node, values);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }

        return new ValidationResult(errors ?? []) { Variables = variables, ArgumentValues = arguments, DirectiveValues = directives };
    }

    private DocumentInputs InputsOf(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation) =>
        _inputs.GetOrCreateValue(document).GetOrAdd((schema, operation), key => DocumentInputs.Of(key.Schema, document, key.Operation));

    // GraphQL.NET keeps the usages it found per operation here, and reads them before walking the document to find them.
    // A renamed field fails every such request (MissingFieldException), and the tests with it: never silently.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_variables")]
    private static extern ref Dictionary<GraphQLOperationDefinition, List<VariableUsage>?> RecursiveVariables(ValidationContext context);
}
