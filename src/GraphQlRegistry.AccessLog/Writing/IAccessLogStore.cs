using GraphQlRegistry.AccessLog.Chain;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// Where the log's entries are kept, one implementation per kind of store. The writer asks for one append at a
/// time; the store decides how to lock, read its head and write rows (prepared inserts, binary COPY, a segment file).
/// </summary>
public interface IAccessLogStore : IAsyncDisposable
{
    /// <summary>Starts one append: a transaction holding the store's writer lock, positioned after the head read under it.</summary>
    Task<IAccessLogAppend> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>One append transaction. Disposed without <see cref="CommitAsync"/>, nothing of it is stored.</summary>
public interface IAccessLogAppend : IAsyncDisposable
{
    ChainHead Head { get; }

    Task WriteAsync(LinkedBatch batch, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
