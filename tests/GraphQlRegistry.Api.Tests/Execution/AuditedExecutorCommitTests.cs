using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Execution;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>
/// The answer is prepared while the entries commit, and handed back only once they are: a page is rendered during the
/// log's commit rather than after it, and nothing prepared survives a commit that failed.
/// </summary>
public sealed class AuditedExecutorCommitTests
{
    private static readonly CallerResolution Auditor = new AuditorCaller("auditor-1", "Checking the log");

    [Fact]
    public async Task Answer_IsPreparedWhileTheEntriesCommit_AndHandedBackOnlyOnceTheyAre()
    {
        var sink = new HeldSink();
        var prepared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = Executor(sink).RunAsync(Auditor, new RequestTrace("req-1", null), RecordOneField, result =>
        {
            prepared.SetResult();
            return Task.FromResult(new Answer(result));
        }, CancellationToken.None);

        await prepared.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(run.IsCompleted);
        Assert.Single(sink.Appended);

        sink.Commit();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((AuditedStatus.Executed, 42, false), (outcome.Status, outcome.Result!.Value, outcome.Result.Disposed));
    }

    [Fact]
    public async Task FailedCommit_HandsBackNothing_AndDisposesWhatWasPrepared()
    {
        var sink = new HeldSink();
        Answer? answer = null;

        var run = Executor(sink).RunAsync(Auditor, new RequestTrace("req-2", null), RecordOneField,
            result => Task.FromResult(answer = new Answer(result)), CancellationToken.None);
        sink.Fail();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((AuditedStatus.AuditUnavailable, null), (outcome.Status, outcome.Result));
        Assert.True(answer!.Disposed);
    }

    private static Task<int> RecordOneField(RegistryRequestContext context)
    {
        context.Record(null, "Query.accessLog", "accessLog", FieldDecision.Revealed(DecisionReason.RuleMatched));
        return Task.FromResult(42);
    }

    private static AuditedExecutor Executor(IAccessLogSink sink) => new(sink, null!, new CitizenPseudonym(RegistryServer.PseudonymKey), TimeProvider.System);

    private sealed class Answer(int value) : IDisposable
    {
        public int Value { get; } = value;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    /// <summary>A log whose commit completes when the test says so.</summary>
    private sealed class HeldSink : IAccessLogSink
    {
        private readonly TaskCompletionSource _commit = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<IReadOnlyList<AccessRecord>> Appended { get; } = [];

        public Task AppendAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken)
        {
            Appended.Add(records);
            return _commit.Task;
        }

        public void Commit() => _commit.SetResult();

        public void Fail() => _commit.SetException(new AccessLogUnavailableException("The access log could not be written."));
    }
}
