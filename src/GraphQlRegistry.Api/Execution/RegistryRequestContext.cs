using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Execution;

/// <summary>
/// The per-request state shared by resolvers and middleware: the established caller, the access-log context and
/// the records this request has produced so far (appended and committed before the response leaves).
/// Execution is serial, so the record list needs no lock.
/// </summary>
public sealed class RegistryRequestContext(Caller caller, AccessContext access, TimeProvider clock, RelativeLoader relatives)
    : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;

    public AccessContext Access { get; } = access;

    public RelativeLoader Relatives { get; } = relatives;

    public List<AccessRecord> Records { get; } = [];

    public void Record(string? citizenRef, string? field, string? path, FieldDecision decision, string? reason = null) =>
        Records.Add(new AccessRecord(Access, clock.GetUtcNow(), citizenRef, field, path, decision.Outcome, decision.Mask, reason));
}
