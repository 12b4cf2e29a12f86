using System.Threading.Channels;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Telemetry;
using Microsoft.Extensions.Logging;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// The durable access log: one writer, group commit. Requests enqueue their records and await their own commit;
/// the writer takes everything queued so far (up to a bound) into one transaction, so under load one fsync serves
/// many requests. A request is answered only after the transaction holding its records has committed.
/// </summary>
public sealed partial class GroupCommitAccessLog : IAccessLogSink, IAsyncDisposable
{
    private readonly AccessLogWriterOptions _options;
    private readonly ILogger<GroupCommitAccessLog> _logger;
    private readonly Channel<PendingAppend> _queue;
    private readonly LogStoreConnection _store;
    private readonly Task _writer;

    public GroupCommitAccessLog(AccessLogWriterOptions options, ILogger<GroupCommitAccessLog> logger)
    {
        _options = options;
        _logger = logger;
        _store = new LogStoreConnection(options);
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task AppendAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var pending = new PendingAppend(records);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.CommitTimeout);
            await _queue.Writer.WriteAsync(pending, timeout.Token);
            await pending.Committed.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AccessLogUnavailableException("The access log did not commit in time.");
        }
        catch (ChannelClosedException exception)
        {
            throw new AccessLogUnavailableException("The access log is shutting down.", exception);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var entries = 0;
            while (entries < _options.MaxEntriesPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                entries += pending.Records.Count;
            }

            await CommitAsync(batch, entries);
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch, int entries)
    {
        using var timing = AccessLogMetrics.StartCommit(entries);
        try
        {
            await _store.CommitAsync(batch.SelectMany(pending => pending.Records), CancellationToken.None);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetResult();
            }
        }
        catch (Exception exception)
        {
            LogCommitFailed(exception, entries, batch.Count);
            AccessLogMetrics.CommitFailed();
            var failure = new AccessLogUnavailableException("The access log could not be written.", exception);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(failure);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _store.DisposeAsync();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Access log commit of {Entries} entries for {Requests} requests failed; those requests get AUDIT_UNAVAILABLE.")]
    private partial void LogCommitFailed(Exception exception, int entries, int requests);

    private sealed class PendingAppend(IReadOnlyList<AccessRecord> records)
    {
        public IReadOnlyList<AccessRecord> Records { get; } = records;

        // Continuations run off the writer's thread, so a slow request never delays the next commit.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
