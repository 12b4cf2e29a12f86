using System.Data.Common;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// What the SQL stores share: the writer's own connection, opened on first use and dropped after any failure; an
/// append that locks, reads the chain head inside its transaction (so several server instances sharing one database
/// extend one chain, not forks of it), writes the batch the store's own way, and commits; the in-memory map from
/// texts to their <see cref="LogText"/> ids; the batch's additions to the hourly rollup; and the citizen index's
/// upkeep: settling its recent level (<see cref="CitizenIndexRow"/>) into a new sorted run once it holds
/// <paramref name="citizenIndexBatch"/> rows, and merging runs a slice at a time (<see cref="CitizenIndexCompaction"/>).
/// </summary>
internal abstract class RelationalAccessLogStore(int citizenIndexBatch) : IAccessLogStore
{
    protected static readonly string[] RequestColumns =
    [
        "Start", "EntryCount", "TimeUnixMs", "RequestId", "OperationName", "Subject", "OrganizationId", "OrganizationType", "GrantId",
        "GrantAuthority", "Channel", "Purpose", "PreviousHash", "Hash", "Fields",
    ];

    protected static readonly string[] SpanColumns = ["FirstSequence", "CitizenRef", "LastSequence"];

    protected static readonly string[] CitizenIndexColumns = ["CitizenKey", "FirstSequence"];

    protected static readonly string[] RollupColumns = ["Hour", "OrganizationId", "OrganizationType", "FieldId", "Decision", "ReasonId", "Count"];

    /// <summary>Adds to an hour's count, or starts it: the same statement on SQLite and PostgreSQL.</summary>
    protected static readonly string UpsertRollup =
        $"INSERT INTO \"{AccessLogDbContext.HourlyCountsTableName}\" ({Quoted(RollupColumns)}) VALUES ({Placeholders(RollupColumns.Length)}) " +
        $"ON CONFLICT ({Quoted(RollupColumns[..^1])}) DO UPDATE SET \"Count\" = \"{AccessLogDbContext.HourlyCountsTableName}\".\"Count\" + excluded.\"Count\"";

    protected static readonly string FindText = $"SELECT \"Id\" FROM \"{AccessLogDbContext.TextsTableName}\" WHERE \"Text\" = $1";

    protected static readonly string AddText = $"INSERT INTO \"{AccessLogDbContext.TextsTableName}\" (\"Text\") VALUES ($1) RETURNING \"Id\"";

    private static readonly string CountRecentCitizenIndex = $"SELECT COUNT(*) FROM \"{AccessLogDbContext.RecentCitizenIndexTableName}\"";

    /// <summary>Merge work per span added: a row is rewritten once per tier, and eight tiers of 8,192 × 8ⁿ cover any log.</summary>
    private const int MergeRowsPerSpan = 8;

    private readonly KnownTexts _texts = new();
    private readonly Dictionary<RollupKey, long> _rollup = [];
    private TextIds[] _entryTexts = [];
    private TextIds[] _requestTexts = [];
    private byte[] _packedFields = [];
    private DbConnection? _connection;

    // The recent level's rows as of the last commit, counted once per connection, and again under the lock before a
    // settle: other instances sharing the database add rows this one does not count, and settle rows it counted.
    private long? _recentCitizenIndexRows;

    // Merge work earned by the spans written since the last slice: slices of at least one batch, so that a KYC lookup's
    // single span does not pay for a slice of its own.
    private long _mergeRowsDue;

    public async Task<IAccessLogAppend> BeginAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection ??= await OpenAsync(cancellationToken);
            var transaction = await _connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(_connection, transaction, cancellationToken);
            return new Append(this, _connection, transaction, await ReadHeadAsync(_connection, transaction, cancellationToken));
        }
        catch
        {
            await ResetAsync();
            throw;
        }
    }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected abstract Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    protected abstract Task WriteAsync(DbConnection connection, DbTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken);

    /// <summary>The id of a text, added inside the append's transaction if the store has none yet.</summary>
    protected abstract Task<int> StoreTextAsync(DbConnection connection, DbTransaction transaction, string text, CancellationToken cancellationToken);

    /// <summary>Forgets what was prepared on the dropped connection.</summary>
    protected abstract void OnReset();

    /// <summary>
    /// Ids for every text the batch refers to, once per record (for <see cref="PackFields"/>) and per request (its
    /// organisation id and type, for the rollup): a lookup each, a store round trip only for a text never seen.
    /// </summary>
    protected async Task ResolveTextsAsync(DbConnection connection, DbTransaction transaction, LinkedBatch batch, CancellationToken cancellationToken)
    {
        _texts.ForgetIfFull();
        if (_entryTexts.Length < batch.Records.Count)
        {
            _entryTexts = new TextIds[batch.Records.Count];
        }

        if (_requestTexts.Length < batch.Requests.Count)
        {
            _requestTexts = new TextIds[batch.Requests.Count];
        }

        for (var i = 0; i < batch.Requests.Count; i++)
        {
            var context = batch.Requests[i].Context;
            _requestTexts[i] = new TextIds(
                await IdAsync(context.OrganizationId), await IdAsync(context.OrganizationType is { } type ? WireNames.Of(type) : null), 0);
        }

        for (var i = 0; i < batch.Records.Count; i++)
        {
            var record = batch.Records[i];
            _entryTexts[i] = TryKnown(record, out var known)
                ? known
                : new TextIds(await IdAsync(record.Field), await IdAsync(record.Path), await IdAsync(record.Reason));
        }

        // Nearly every record's texts are known: those are found without awaiting anything.
        bool TryKnown(in AccessRecord record, out TextIds ids)
        {
            int field = 0, path = 0, reason = 0;
            var known = (record.Field is null || _texts.TryGetRecurring(record.Field, out field))
                && (record.Path is null || _texts.TryGet(record.Path, out path))
                && (record.Reason is null || _texts.TryGetRecurring(record.Reason, out reason));
            ids = new TextIds(field, path, reason);
            return known;
        }

        async ValueTask<int> IdAsync(string? text)
        {
            if (text is null)
            {
                return 0;
            }

            if (!_texts.TryGet(text, out var id))
            {
                id = await StoreTextAsync(connection, transaction, text, cancellationToken);
                _texts.Add(text, id);
            }

            return id;
        }
    }

    /// <summary>
    /// A request's entries packed for its row (<see cref="PackedFields"/>), in a buffer kept from request to request:
    /// valid until the next call. Texts by the ids <see cref="ResolveTextsAsync"/> found.
    /// </summary>
    protected ArraySegment<byte> PackFields(LinkedBatch batch, LinkedRequest request)
    {
        var size = PackedFields.SizeOf(request.Count);
        var packed = LinkBuffers.AtLeast(ref _packedFields, size);
        for (var ordinal = 0; ordinal < request.Count; ordinal++)
        {
            var record = batch.Records[request.Offset + ordinal];
            var texts = _entryTexts[request.Offset + ordinal];
            PackedFields.Write(packed, ordinal, new LoggedField(
                (int)(record.Time.ToUnixTimeMilliseconds() - request.TimeUnixMs), texts.First, texts.Second, WireCodes.Of(record.Decision), WireCodes.Of(record.Mask), texts.Third));
        }

        return new ArraySegment<byte>(packed, 0, size);
    }

    /// <summary>The batch's entries counted by rollup key; the map is reused from batch to batch.</summary>
    protected Dictionary<RollupKey, long> RollupOf(LinkedBatch batch)
    {
        _rollup.Clear();
        for (var r = 0; r < batch.Requests.Count; r++)
        {
            var request = batch.Requests[r];
            var (organization, type, _) = _requestTexts[r];
            for (var i = request.Offset; i < request.Offset + request.Count; i++)
            {
                var record = batch.Records[i];
                var texts = _entryTexts[i];
                var key = new RollupKey((int)(record.Time.ToUnixTimeMilliseconds() / Rollups.HourlyCounts.MillisecondsPerHour), organization, type,
                    texts.First, WireCodes.Of(record.Decision), texts.Third);
                _rollup[key] = _rollup.GetValueOrDefault(key) + 1;
            }
        }

        return _rollup;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    protected static string Placeholders(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => "$" + i));

    /// <summary>The recent level's rows once the batch is in, after settling it into a new run if that reaches the batch size.</summary>
    private async Task<long> SettleCitizenIndexWhenFullAsync(DbConnection connection, DbTransaction transaction, int added, CancellationToken cancellationToken)
    {
        // The estimate decides only when it is below the batch: a settle is decided on the count.
        var estimate = _recentCitizenIndexRows + added;
        var recent = estimate < citizenIndexBatch ? estimate.Value : await CountRecentCitizenIndexAsync(connection, transaction, cancellationToken);
        if (recent < citizenIndexBatch)
        {
            return recent;
        }

        var runs = await CitizenIndexMaintenance.ReadRunsAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, CitizenIndexMaintenance.Settle(CitizenIndexCompaction.NextRun(runs)), cancellationToken);
        return 0;
    }

    /// <summary>The merge work the batch earned, done as one slice once it amounts to a batch of rows; the work still due.</summary>
    private async Task<long> MergeCitizenIndexRunsAsync(DbConnection connection, DbTransaction transaction, int added, CancellationToken cancellationToken)
    {
        var due = _mergeRowsDue + (long)added * MergeRowsPerSpan;
        if (due < citizenIndexBatch)
        {
            return due;
        }

        var runs = await CitizenIndexMaintenance.ReadRunsAsync(connection, transaction, cancellationToken);
        var sql = CitizenIndexMaintenance.Sql(CitizenIndexCompaction.Plan(runs, citizenIndexBatch, due));
        if (sql.Length > 0)
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        }

        return 0;
    }

    private static async Task<long> CountRecentCitizenIndexAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CountRecentCitizenIndex;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<ChainHead> ReadHeadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Start\" + \"EntryCount\" - 1, \"Hash\" FROM \"{AccessLogDbContext.RequestsTableName}\" ORDER BY \"Start\" DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ChainHead(reader.GetInt64(0), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(1)))
            : ChainHead.Genesis;
    }

    private async Task ResetAsync()
    {
        _texts.Forget();
        _recentCitizenIndexRows = null;
        _mergeRowsDue = 0;
        OnReset();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public ValueTask DisposeAsync() => new(ResetAsync());

    /// <summary>Up to three text ids of one record or request, 0 for none.</summary>
    protected readonly record struct TextIds(int First, int Second, int Third);

    /// <summary>One row of the hourly rollup: texts by id, 0 for none.</summary>
    protected readonly record struct RollupKey(int Hour, int OrganizationId, int OrganizationType, int FieldId, byte Decision, int ReasonId);

    private sealed class Append(RelationalAccessLogStore store, DbConnection connection, DbTransaction transaction, ChainHead head) : IAccessLogAppend
    {
        private bool _committed;
        private long? _recentCitizenIndexRows;
        private long _mergeRowsDue;

        public ChainHead Head { get; } = head;

        public async Task WriteAsync(LinkedBatch batch, CancellationToken cancellationToken)
        {
            await store.ResolveTextsAsync(connection, transaction, batch, cancellationToken);
            await store.WriteAsync(connection, transaction, batch, cancellationToken);
            _recentCitizenIndexRows = await store.SettleCitizenIndexWhenFullAsync(connection, transaction, batch.Spans.Count, cancellationToken);
            _mergeRowsDue = await store.MergeCitizenIndexRunsAsync(connection, transaction, batch.Spans.Count, cancellationToken);
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await transaction.CommitAsync(cancellationToken);
            _committed = true;
            store._recentCitizenIndexRows = _recentCitizenIndexRows;
            store._mergeRowsDue = _mergeRowsDue;
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            if (!_committed)
            {
                // Whatever failed may have left the connection unusable: start the next append on a fresh one.
                await store.ResetAsync();
            }
        }
    }
}
