using GraphQlRegistry.Data.Storage;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>Where and how the log is written (<c>Registry:AccessLog:*</c>).</summary>
public sealed record AccessLogWriterOptions(
    DatabaseProvider Provider,
    string ConnectionString,
    TimeSpan CommitTimeout,
    int MaxEntriesPerCommit = 8192,
    int QueueCapacity = 16_384);
