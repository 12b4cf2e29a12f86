using System.Collections.Concurrent;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// Writes <see cref="RequestLogging"/>'s lines off the requests' threads: a request queues its line, and a loop hands
/// the queued lines to the logger every <see cref="DefaultInterval"/>. Written by each request, every line took the
/// console logger's lock and woke its thread: about a tenth of the KYC lookup's throughput (README, Measuring). A
/// line is written at most an interval after its request ended; its duration is measured at the end. Past
/// <see cref="DefaultMaxWaiting"/> queued lines a request writes its own, so a console that cannot keep up slows the
/// requests, as before, rather than filling memory. Disposal writes what is still queued.
/// </summary>
public sealed partial class RequestLines : IAsyncDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);
    public const int DefaultMaxWaiting = 10_000;

    private readonly ConcurrentQueue<RequestLine> _queued = new();
    private readonly ILogger<RequestLogging> _logger;
    private readonly int _maxWaiting;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _waiting;

    public RequestLines(ILogger<RequestLogging> logger)
        : this(logger, DefaultInterval, DefaultMaxWaiting)
    {
    }

    public RequestLines(ILogger<RequestLogging> logger, TimeSpan interval, int maxWaiting)
    {
        _logger = logger;
        _maxWaiting = maxWaiting;
        _loop = WriteLoopAsync(interval);
    }

    public void Add(RequestLine line)
    {
        if (_stopping.IsCancellationRequested)
        {
            Write(line);
            return;
        }

        if (Interlocked.Increment(ref _waiting) > _maxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            Write(line);
            return;
        }

        _queued.Enqueue(line);
    }

    private async Task WriteLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                WriteQueued();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposal: it writes the rest itself.
        }
    }

    private void WriteQueued()
    {
        while (_queued.TryDequeue(out var line))
        {
            Interlocked.Decrement(ref _waiting);
            Write(line);
        }
    }

    private void Write(RequestLine line) =>
        LogRequest(_logger, line.RequestId, line.Method, line.Route, line.OrganizationId, line.Status, line.DurationMs);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop;
        WriteQueued();
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Request {RequestId} {Method} {Route} organisation {OrganizationId} answered {Status} in {DurationMs:F1} ms")]
    private static partial void LogRequest(ILogger logger, string requestId, string method, string route, string organizationId, int status, double durationMs);
}

/// <summary>One request's line: only values the server chose or a verified token carries (see <see cref="RequestLogging"/>).</summary>
public readonly record struct RequestLine(string RequestId, string Method, string Route, string OrganizationId, int Status, double DurationMs);
