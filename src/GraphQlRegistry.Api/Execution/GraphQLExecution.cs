using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// Runs one GraphQL request for an established caller: validation (the spec's rules once per cached document, the
/// caller-dependent rules every time), then serial execution. Meant to run inside the <see cref="AuditedExecutor"/>.
/// </summary>
public sealed class GraphQLExecution(IDocumentExecuter<RegistrySchema> executer, ComparisonEntitlementRule comparisonRule, RegistrySettings settings)
{
    private readonly IValidationRule[] _perRequestRules =
    [
        comparisonRule,
        new ComplexityValidationRule(new ComplexityOptions
        {
            MaxDepth = settings.Options.Limits.MaxDepth,
            MaxComplexity = settings.Options.Limits.MaxComplexity,
        }),
    ];

    // A pure introspection operation is counted against its own bound instead (see IntrospectionLimits).
    private readonly IValidationRule[] _introspectionRules = [comparisonRule, IntrospectionLimits.Rule()];

    public async Task<ExecutionResult> ExecuteAsync(
        RegistryRequestContext context, GraphQLRequest request, CachedDocument? cached, ClaimsPrincipal user, IServiceProvider services, CancellationToken cancellationToken)
    {
        var perRequestRules = cached is not null && IntrospectionLimits.IsPureIntrospection(cached.Document, request.OperationName) ? _introspectionRules : _perRequestRules;
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = cached is null ? request.Query : null,
            Document = cached?.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = context,
            User = user,
            RequestServices = services,
            CancellationToken = cancellationToken,
            ValidationRules = cached?.PassedSpecValidation == true ? perRequestRules : [.. DocumentValidator.CoreRules, .. perRequestRules],
        });

        if (result.Executed)
        {
            cached?.MarkValidated();
            Disclosure.Attach(result, context);
            return result;
        }

        foreach (var error in result.Errors?.OfType<ComplexityError>() ?? [])
        {
            error.Code = ErrorCode.QueryTooComplex.Wire();
        }

        // A document refused for one of our reasons (a forbidden comparison, complexity) is evidence too.
        if (result.Errors?.Select(e => e.Code).FirstOrDefault(ErrorMessages.IsPreExecutionRefusal) is { } code)
        {
            context.Record(null, null, null, FieldDecision.Denied(DecisionReason.NoRuleForCaller), code);
        }

        return result;
    }
}
