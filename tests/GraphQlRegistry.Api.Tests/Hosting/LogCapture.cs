using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>Every log line the server writes, in every category, with its structured values, as the console would see them.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLine> _lines = new();

    public IReadOnlyCollection<CapturedLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Capture(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Capture(string category, ConcurrentQueue<CapturedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            lines.Enqueue(new CapturedLine(category, eventId.Id, formatter(state, exception) + " " + exception,
                values.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString())));
        }
    }
}

public sealed record CapturedLine(string Category, int EventId, string Text, IReadOnlyDictionary<string, string?> Values);
