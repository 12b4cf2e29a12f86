using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Errors;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// The per-request state shared by resolvers and middleware: the established caller, the access-log context and
/// the records this request has produced so far (committed by the <see cref="AuditedExecutor"/> before any answer).
/// Execution is serial, so the lists need no lock.
/// </summary>
public sealed class RegistryRequestContext(Caller caller, AccessContext access, TimeProvider clock, RelativeLoader relatives)
    : Dictionary<string, object?>
{
    private static readonly FieldDecision Disclosed = FieldDecision.Revealed(DecisionReason.RuleMatched);

    private readonly List<AccessRecord> _reached = [];

    public Caller Caller { get; } = caller;

    public AccessContext Access { get; } = access;

    public RelativeLoader Relatives { get; } = relatives;

    public AccessRecordList Records { get; } = new();

    /// <summary>Records one decision; a denial carries its error code as the reason unless a more precise one is given.</summary>
    public void Record(string? citizenRef, string? field, string? path, FieldDecision decision, string? reason = null) =>
        Records.Add(new AccessRecord(Access, clock.GetUtcNow(), citizenRef, field, path, decision.Outcome, decision.Mask,
            reason ?? (decision.IsDenied ? ErrorCode.FieldNotEntitled.Wire() : null)));

    /// <summary>
    /// Notes that a root field found or compared this citizen (<paramref name="how"/> says how: the path and any
    /// filter fields). Kept as a request-level entry only if none of the citizen's fields is recorded.
    /// </summary>
    public void Reach(string citizenRef, string field, string how) =>
        _reached.Add(new AccessRecord(Access, clock.GetUtcNow(), citizenRef, field, how, Disclosed.Outcome, Disclosed.Mask, null));

    /// <summary>Whether this request found, compared or revealed any citizen's data so far.</summary>
    public bool TouchedCitizenData => _reached.Count > 0 || Records.Any(r => r.CitizenRef is not null && r.Decision != FieldOutcome.Denied);

    internal void RecordCitizensReachedWithoutFields()
    {
        if (_reached.Count == 0)
        {
            return;
        }

        var recorded = Records.Select(r => r.CitizenRef).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var reached in _reached)
        {
            if (recorded.Add(reached.CitizenRef!))
            {
                Records.Add(reached);
            }
        }
    }
}
