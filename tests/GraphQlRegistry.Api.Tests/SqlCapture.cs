using System.Collections.Concurrent;
using GraphQlRegistry.Data.Storage;
using Microsoft.Extensions.Logging;

namespace GraphQlRegistry.Api.Tests;

/// <summary>Captures the SQL the server sends, through EF Core or its prepared reads, so a test can prove which columns a query reads.</summary>
public sealed class SqlCapture : ILoggerProvider
{
    /// <summary>The log categories that carry each command's SQL, and the level each logs it at.</summary>
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>
    {
        ["Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        [typeof(PreparedReads).FullName!] = "Debug",
    };

    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyCollection<string> Commands => _commands;

    public void Clear() => _commands.Clear();

    public ILogger CreateLogger(string categoryName) => Categories.ContainsKey(categoryName) ? new Capture(_commands) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Capture(ConcurrentQueue<string> commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            commands.Enqueue(formatter(state, exception));
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
