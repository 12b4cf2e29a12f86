using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GraphQlRegistry.AccessLog.Telemetry;

/// <summary>
/// The log writer's instruments, on the server's meter (<see cref="MeterName"/>): how long a group commit takes and
/// how many entries it carries, and how many commits failed. Values only; no entry content ever becomes a tag.
/// </summary>
public static class AccessLogMetrics
{
    public const string MeterName = "GraphQlRegistry";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("registry.access_log.commit.duration", "ms", "Time to commit one group of access-log entries, queue excluded.");
    private static readonly Histogram<int> CommitSize = Meter.CreateHistogram<int>("registry.access_log.commit.entries", "{entry}", "Entries in one group commit.");
    private static readonly Counter<long> CommitFailures = Meter.CreateCounter<long>("registry.access_log.commit.failures", "{commit}", "Group commits that failed; their requests were answered AUDIT_UNAVAILABLE.");

    /// <summary>Starts timing a group commit; disposing records its duration and size.</summary>
    public static CommitTiming StartCommit(int entries) => new(entries, Stopwatch.GetTimestamp());

    public static void CommitFailed() => CommitFailures.Add(1);

    public readonly struct CommitTiming(int entries, long started) : IDisposable
    {
        public void Dispose()
        {
            CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            CommitSize.Record(entries);
        }
    }
}
