using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.Data.Storage;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// Where and how the log is written (<c>Registry:AccessLog:*</c>); where its heads are published, how often at most
/// (and always on shutdown); how many spans the citizen index's recent level takes before it is settled
/// (<see cref="Storage.CitizenIndexRow"/>): larger settles less often and leaves readers more of it to scan.
/// </summary>
public sealed record AccessLogWriterOptions(
    DatabaseProvider Provider,
    string ConnectionString,
    TimeSpan CommitTimeout,
    int MaxEntriesPerCommit = 8192,
    int QueueCapacity = 16_384,
    ChainCheckpoints? Checkpoints = null,
    TimeSpan CheckpointInterval = default,
    int CitizenIndexBatch = 8192);
