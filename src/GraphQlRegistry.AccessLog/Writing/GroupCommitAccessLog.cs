using System.Threading.Channels;
using GraphQlRegistry.AccessLog.Chain;
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
    private readonly IAccessLogStore _store;
    private readonly Task _writer;

    // Written by the writer's task only (and read at disposal, after it has finished).
    private readonly LinkBuffers _buffers = new();
    private ChainHead? _head;
    private ChainHead? _published;
    private DateTimeOffset _publishedAt;

    public GroupCommitAccessLog(AccessLogWriterOptions options, ILogger<GroupCommitAccessLog> logger)
    {
        _options = options;
        _logger = logger;
        _store = AccessLogStores.Open(options.Provider, options.ConnectionString, options.CitizenIndexBatch);
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // A thread of its own: woken by the queue directly, not queued behind the requests' work on the thread pool (every
        // request waits for the writer's next commit), and its synchronous SQLite calls hold no pool thread.
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public async Task AppendAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var pending = new PendingAppend(records);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CommitTimeout);
        try
        {
            await _queue.Writer.WriteAsync(pending, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AccessLogUnavailableException("The access log queue is full.");
        }
        catch (ChannelClosedException exception)
        {
            throw new AccessLogUnavailableException("The access log is shutting down.", exception);
        }

        try
        {
            await pending.Committed.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (pending.TryAbandon())
        {
            // The writer has not taken these records yet: it will write them marked as not delivered.
            throw new AccessLogUnavailableException("The access log did not commit in time.");
        }
        catch (OperationCanceledException)
        {
            // The writer took them a moment ago: its commit, not the clock, decides this response.
            await pending.Committed.Task;
        }
    }

    private void WriteLoop()
    {
        var batch = new List<PendingAppend>();
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            var entries = 0;
            while (entries < _options.MaxEntriesPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                entries += pending.Records.Count;
            }

            CommitAsync(batch, entries).GetAwaiter().GetResult();
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch, int entries)
    {
        using var timing = AccessLogMetrics.StartCommit(entries);
        try
        {
            await using (var append = await _store.BeginAsync(CancellationToken.None))
            {
                // Taken only now, under the store's lock: a request that gave up before this is written as not delivered.
                var linked = ChainLinker.Link(append.Head, batch.SelectMany(pending => pending.Take()), _buffers);
                await append.WriteAsync(linked, CancellationToken.None);
                await append.CommitAsync(CancellationToken.None);
                _head = linked.Head;
            }

            foreach (var pending in batch)
            {
                pending.Committed.TrySetResult();
            }

            PublishHead(force: false);
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

    /// <summary>Publishes the committed head outside the database, at most once per interval unless forced (shutdown).</summary>
    private void PublishHead(bool force)
    {
        var now = DateTimeOffset.UtcNow;
        if (_options.Checkpoints is not { } checkpoints || _head is not { } head || head == _published
            || (!force && now - _publishedAt < _options.CheckpointInterval))
        {
            return;
        }

        try
        {
            checkpoints.Publish(head, now);
            (_published, _publishedAt) = (head, now);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The entries are committed; a missed checkpoint only widens the stretch the next one anchors.
            LogCheckpointFailed(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        PublishHead(force: true);
        await _store.DisposeAsync();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Access log commit of {Entries} entries for {Requests} requests failed; those requests get AUDIT_UNAVAILABLE.")]
    private partial void LogCommitFailed(Exception exception, int entries, int requests);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Access log chain checkpoint could not be published.")]
    private partial void LogCheckpointFailed(Exception exception);

    /// <summary>One request's records, which either the writer takes (to answer) or the request abandons (after 503), never both.</summary>
    private sealed class PendingAppend(IReadOnlyList<AccessRecord> records)
    {
        private const int Waiting = 0;
        private const int Taken = 1;
        private const int Abandoned = 2;
        private int _state;

        public IReadOnlyList<AccessRecord> Records { get; } = records;

        // Continuations run off the writer's thread, so a slow request never delays the next commit.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

        /// <summary>The records as they go to the store: as decided, or marked undelivered if the request gave up.</summary>
        public IEnumerable<AccessRecord> Take() =>
            Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting ? Records : Records.Select(record => record.Undelivered());
    }
}
