using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Api.Execution.Limits;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// Runs one GraphQL request for an established caller, inside the <see cref="AuditedExecutor"/>: (1) a trusted document
/// where that is required, and the document's limits, decided in time linear in its size before validation reads it
/// (<see cref="TrustedDocuments"/>, <see cref="DocumentGate"/>); (2) validation,
/// the spec's rules once per cached document and the caller-dependent rules every time; (3) serial execution; (4) the
/// disclosure terms on a result carrying citizen data; (5) the errors shaped (no schema hints, a bounded count).
/// </summary>
public sealed class GraphQLExecution(
    IDocumentExecuter<RegistrySchema> executer,
    ComparisonEntitlementRule comparisonRule,
    DocumentGate gate,
    TrustedDocuments trusted,
    IHostEnvironment environment,
    RegistrySettings settings)
{
    // Depth and cost are DocumentLimits' (GraphQL.NET's complexity rule walks fragment spreads exponentially).
    private readonly IValidationRule[] _perRequestRules = [comparisonRule];

    public async Task<ExecutionResult> ExecuteAsync(
        RegistryRequestContext context, GraphQLRequest request, CachedDocument? cached, bool nestsTooDeep, ClaimsPrincipal user, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var result = (trusted.Refusal(context.Caller, request.Query) ?? gate.Refusal(request, cached, nestsTooDeep)) is { } refusal
            ? new ExecutionResult { Errors = [refusal], Executed = false }
            : await executer.ExecuteAsync(new ExecutionOptions
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
                ValidationRules = ValidationRulesFor(cached),
            });

        if (result.Executed)
        {
            cached?.MarkValidated();
            Disclosure.Attach(result, context);
        }
        else if (result.Errors?.Select(e => e.Code).FirstOrDefault(ErrorMessages.IsPreExecutionRefusal) is { } code)
        {
            // A document refused for one of our reasons (a limit, a forbidden comparison) is evidence too.
            context.Record(null, null, null, FieldDecision.Denied(DecisionReason.NoRuleForCaller), code);
        }

        return ResponseErrors.Shape(result, settings.Options.Limits.MaxErrors, withSchemaHints: environment.IsDevelopment());
    }

    /// <summary>
    /// The spec's rules until the document has passed them once; then only the caller-dependent rule, and not even that
    /// for a document that selects no <c>citizens</c> field (the only field whose arguments it judges), as the KYC lookup.
    /// </summary>
    private IValidationRule[] ValidationRulesFor(CachedDocument? cached) => cached switch
    {
        { PassedSpecValidation: true, SearchesCitizens: false } => [],
        { PassedSpecValidation: true } => _perRequestRules,
        _ => [.. DocumentValidator.CoreRules, .. _perRequestRules],
    };
}
