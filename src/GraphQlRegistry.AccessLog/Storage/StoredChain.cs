using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>One stored request as the chain check reads it: its row and its entries as hashed, in ordinal order (an entry's ordinal is its index).</summary>
public sealed record StoredRequest(long Start, int EntryCount, long TimeUnixMs, HashedContext Context, byte[] PreviousHash, byte[] Hash, HashedEntry[] Entries)
{
    public long Last => Start + EntryCount - 1;
}

/// <summary>
/// Reads the stored requests in chain order with their entries unpacked (texts by id, citizens from the spans), a
/// slice of the sequence at a time on one connection, so memory follows the slice, not the log. An entry whose text
/// id is unknown, or whose decision or mask code is not one, gets an impossible value, so it can never hash like an
/// entry that was written.
/// </summary>
public static class StoredChain
{
    private const long SequencesPerSlice = 65_536;
    private const string Unreadable = "\u0000unreadable";

    /// <summary>The requests from the one starting at <paramref name="fromStart"/> (the first, if none is given) to the end.</summary>
    public static async IAsyncEnumerable<StoredRequest> ReadAsync(
        AccessLogDbContext context, long? fromStart = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var texts = await context.Texts.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Text, cancellationToken);
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            var last = await ScalarAsync(connection, $"SELECT MAX(\"Start\") FROM \"{AccessLogDbContext.RequestsTableName}\"", cancellationToken) ?? 0;
            var first = fromStart ?? await ScalarAsync(connection, $"SELECT MIN(\"Start\") FROM \"{AccessLogDbContext.RequestsTableName}\"", cancellationToken) ?? 1;
            for (var from = first; from <= last; from += SequencesPerSlice)
            {
                var requests = await ReadSliceAsync(connection, from, from + SequencesPerSlice, texts, cancellationToken);
                if (requests.Count == 0)
                {
                    continue;
                }

                var spans = await ReadSpansAsync(connection, from, requests.Max(r => r.Last), cancellationToken);
                foreach (var request in requests)
                {
                    yield return request.WithCitizens(spans);
                }
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<List<PartialRequest>> ReadSliceAsync(
        DbConnection connection, long from, long to, Dictionary<int, string> texts, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            "SELECT \"Start\", \"EntryCount\", \"TimeUnixMs\", \"RequestId\", \"OperationName\", \"Subject\", \"OrganizationId\", " +
            "\"OrganizationType\", \"GrantId\", \"GrantAuthority\", \"Channel\", \"Purpose\", \"PreviousHash\", \"Hash\", \"Fields\" " +
            $"FROM \"{AccessLogDbContext.RequestsTableName}\" WHERE \"Start\" >= @from AND \"Start\" < @to ORDER BY \"Start\"", ("from", from), ("to", to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<PartialRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var request = new PartialRequest(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2),
                new HashedContext(reader.GetString(3), Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9),
                    Text(reader, 10), Text(reader, 11)),
                reader.GetFieldValue<byte[]>(12), reader.GetFieldValue<byte[]>(13));
            var packed = reader.GetFieldValue<byte[]>(14);
            for (var ordinal = 0; ordinal < PackedFields.CountOf(packed); ordinal++)
            {
                request.Add(HashedEntryOf(request.TimeUnixMs, PackedFields.Read(packed, ordinal), texts));
            }

            if (!PackedFields.IsWhole(packed))
            {
                // Bytes that are no whole entry: read as an entry no writer makes, so the request cannot hash as written.
                request.Add(new HashedEntry(request.TimeUnixMs, null, Unreadable, Unreadable, Unreadable, Unreadable, Unreadable));
            }

            requests.Add(request);
        }

        return requests;
    }

    private static HashedEntry HashedEntryOf(long requestTimeUnixMs, LoggedField field, Dictionary<int, string> texts) => new(
        requestTimeUnixMs + field.TimeOffsetMs, null, TextOf(field.FieldId, texts), TextOf(field.PathId, texts),
        WireCodes.OutcomeName(field.Decision) ?? Unreadable, WireCodes.MaskName(field.Mask) ?? Unreadable, TextOf(field.ReasonId, texts));

    /// <summary>The spans that may cover entries from <paramref name="from"/> to <paramref name="to"/>: the last one starting before, and those starting within.</summary>
    private static async Task<List<CitizenSpan>> ReadSpansAsync(DbConnection connection, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = Command(connection,
            $"SELECT \"FirstSequence\", \"CitizenRef\", \"LastSequence\" FROM (SELECT * FROM \"{AccessLogDbContext.SpansTableName}\" WHERE \"FirstSequence\" < @from ORDER BY \"FirstSequence\" DESC LIMIT 1) b " +
            $"UNION ALL SELECT \"FirstSequence\", \"CitizenRef\", \"LastSequence\" FROM \"{AccessLogDbContext.SpansTableName}\" WHERE \"FirstSequence\" >= @from AND \"FirstSequence\" <= @to " +
            "ORDER BY 1", ("from", from), ("to", to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var spans = new List<CitizenSpan>();
        while (await reader.ReadAsync(cancellationToken))
        {
            spans.Add(new CitizenSpan { FirstSequence = reader.GetInt64(0), CitizenRef = reader.GetString(1), LastSequence = reader.GetInt64(2) });
        }

        return spans;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? TextOf(int id, Dictionary<int, string> texts) => id == 0 ? null : texts.GetValueOrDefault(id, Unreadable);

    private static async Task<long?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, long Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static int LastStartingAtOrBefore(List<CitizenSpan> spans, long sequence)
    {
        var (low, high) = (0, spans.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            (low, high) = spans[middle].FirstSequence <= sequence ? (middle + 1, high) : (low, middle - 1);
        }

        return high;
    }

    private sealed class PartialRequest(long start, int entryCount, long timeUnixMs, HashedContext context, byte[] previousHash, byte[] hash)
    {
        private readonly List<HashedEntry> _entries = [];

        public long Start { get; } = start;

        public long TimeUnixMs { get; } = timeUnixMs;

        /// <summary>The sequence of its last entry read (its start, if it has none).</summary>
        public long Last => Start + Math.Max(_entries.Count - 1, 0);

        public void Add(HashedEntry entry) => _entries.Add(entry);

        /// <summary>
        /// An entry's citizen is that of the last span starting at or before it, if that span reaches it: the rule the
        /// readers follow, so what is verified is what is read.
        /// </summary>
        public StoredRequest WithCitizens(List<CitizenSpan> spans)
        {
            var entries = _entries.ToArray();
            for (var i = 0; i < entries.Length; i++)
            {
                var sequence = Start + i;
                var index = LastStartingAtOrBefore(spans, sequence);
                if (index >= 0 && spans[index].LastSequence >= sequence)
                {
                    entries[i] = entries[i] with { CitizenRef = spans[index].CitizenRef };
                }
            }

            return new StoredRequest(Start, entryCount, TimeUnixMs, context, previousHash, hash, entries);
        }
    }
}
