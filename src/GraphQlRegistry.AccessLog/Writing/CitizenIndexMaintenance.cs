using System.Data.Common;
using GraphQlRegistry.AccessLog.Storage;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// The citizen index's upkeep as SQL, the same on SQLite and PostgreSQL, run in the writer's transaction so that a
/// span's row is in exactly one place at every commit. Every statement writes rows in key order at one run's end,
/// which costs each b-tree leaf one write, instead of inserting them into a large tree at random leaves.
/// Only numbers and the bounds of <see cref="MergeSlice"/> (hexadecimal digits) are written into the SQL.
/// </summary>
internal static class CitizenIndexMaintenance
{
    private const string Recent = $"\"{AccessLogDbContext.RecentCitizenIndexTableName}\"";
    private const string Settled = $"\"{AccessLogDbContext.CitizenIndexTableName}\"";
    private const string Runs = $"\"{AccessLogDbContext.CitizenIndexRunsTableName}\"";
    private const string Row = "\"CitizenKey\", \"FirstSequence\"";

    public static async Task<IReadOnlyList<CitizenIndexRun>> ReadRunsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT \"Run\", \"Rows\", \"MergingInto\", \"MergedBelow\" FROM {Runs}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<CitizenIndexRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new CitizenIndexRun
            {
                Run = reader.GetInt64(0),
                Rows = reader.GetInt64(1),
                MergingInto = reader.IsDBNull(2) ? null : reader.GetInt64(2),
                MergedBelow = reader.IsDBNull(3) ? null : reader.GetString(3),
            });
        }

        return runs;
    }

    /// <summary>The recent level becomes run <paramref name="run"/>, written in key order, and is emptied.</summary>
    public static string Settle(long run) =>
        $"INSERT INTO {Runs} (\"Run\", \"Rows\") SELECT {run}, COUNT(*) FROM {Recent}; " +
        $"INSERT INTO {Settled} (\"Run\", {Row}) SELECT {run}, {Row} FROM {Recent} ORDER BY {Row}; " +
        $"DELETE FROM {Recent}";

    /// <summary>The statements of a step: its merges started, then its slice moved; empty when there is nothing to do.</summary>
    public static string Sql(CompactionStep step) =>
        string.Join("; ", step.Starts.Select(Start).Concat(step.Slice is { } slice ? [Move(slice)] : []));

    private static string Start(MergeStart merge) =>
        $"INSERT INTO {Runs} (\"Run\", \"Rows\", \"MergedBelow\") VALUES ({merge.Target}, {merge.Rows}, ''); " +
        $"UPDATE {Runs} SET \"MergingInto\" = {merge.Target} WHERE \"Run\" IN ({string.Join(", ", merge.Sources)})";

    // The last slice takes whatever its sources still hold, whatever its bound: no key is left behind even where the
    // database orders text otherwise than byte by byte (a PostgreSQL collation), since earlier slices deleted theirs.
    private static string Move(MergeSlice slice)
    {
        var rows = $"\"Run\" IN (SELECT \"Run\" FROM {Runs} WHERE \"MergingInto\" = {slice.Target})" +
            (slice.Until is { } until ? $" AND \"CitizenKey\" >= '{slice.From}' AND \"CitizenKey\" < '{until}'" : "");
        var moved =
            $"INSERT INTO {Settled} (\"Run\", {Row}) SELECT {slice.Target}, {Row} FROM {Settled} WHERE {rows} ORDER BY {Row}; " +
            $"DELETE FROM {Settled} WHERE {rows}; ";
        return moved + (slice.Until is { } next
            ? $"UPDATE {Runs} SET \"MergedBelow\" = '{next}' WHERE \"Run\" = {slice.Target}"
            : $"DELETE FROM {Runs} WHERE \"MergingInto\" = {slice.Target}; UPDATE {Runs} SET \"MergedBelow\" = NULL WHERE \"Run\" = {slice.Target}");
    }
}
