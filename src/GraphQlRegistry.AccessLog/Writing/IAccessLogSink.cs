using GraphQlRegistry.AccessLog.Entries;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>Where a request's access records go. The returned task completes only when they are durably committed.</summary>
public interface IAccessLogSink
{
    Task AppendAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken);
}

/// <summary>The log could not take the records; the response must carry no citizen data.</summary>
public sealed class AccessLogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
