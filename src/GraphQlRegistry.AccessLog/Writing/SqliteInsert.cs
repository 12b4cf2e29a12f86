using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// An INSERT prepared once for the writer's SQLite connection and bound by index through SQLite's own API, skipping
/// ADO.NET's per-call reader and name-matched binding. Synchronous, like everything SQLite does; it runs on the
/// writer's own task.
/// </summary>
internal sealed class SqliteInsert : IDisposable
{
    private const int Done = 101;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteInsert(SqliteConnection connection, string table, IReadOnlyList<string> columns)
    {
        _database = connection.Handle!;
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})";
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Values are <c>null</c>, <see cref="long"/> or <see cref="string"/>.</summary>
    public void Execute(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, i + 1),
                long number => raw.sqlite3_bind_int64(_statement, i + 1, number),
                string text => raw.sqlite3_bind_text(_statement, i + 1, text),
                var other => throw new InvalidOperationException($"No SQLite binding for {other.GetType().Name}."),
            });
        }

        var stepped = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (stepped != Done)
        {
            Check(stepped);
        }
    }

    private void Check(int resultCode)
    {
        if (resultCode != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(resultCode, _database);
        }
    }

    public void Dispose() => _statement.Dispose();
}
