using GraphQlRegistry.AccessLog.Writing;

namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// What SIGTERM does, in order: (1) the host fires ApplicationStopping: <c>/readyz</c> turns 503 and Kestrel stops
/// accepting connections; (2) Kestrel lets in-flight requests finish, each of which waits for its own commit, for at
/// most the host's shutdown timeout (<c>shutdownTimeoutSeconds</c>, 30 s by default; a request cut off there gets no
/// answer, so no answered request lacks its entries); (3) ApplicationStopped: the access-log writer commits whatever
/// is still queued and closes, before the process exits.
/// </summary>
public static partial class GracefulShutdown
{
    public static void FlushAccessLogOnStop(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GraphQlRegistry.Shutdown");
        var sink = app.Services.GetRequiredService<IAccessLogSink>();
        app.Lifetime.ApplicationStopping.Register(() => LogStopping(logger));
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            // The container disposes the writer again later; disposing is idempotent, and doing it here orders it after the drain.
            if (sink is IAsyncDisposable writer)
            {
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            LogFlushed(logger);
        });
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Stopping: no new connections; finishing in-flight requests.")]
    private static partial void LogStopping(ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Stopped: in-flight requests finished and the access log flushed.")]
    private static partial void LogFlushed(ILogger logger);
}
