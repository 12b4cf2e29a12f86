using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>
/// A statement prepared once for the writer's SQLite connection and bound by index, by type, through SQLite's own
/// API: no ADO.NET reader, no name-matched binding, no boxing per value. Synchronous, like everything SQLite does; it
/// runs on the writer's own task. SQLite keeps a parameter's value across executions, so an integer or null that a
/// parameter already holds is not bound again: most of a rollup row's columns (hour, organisation, type) repeat from one
/// row to the next.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private const int Row = 100;
    private const int Done = 101;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly Held[] _held;
    private readonly long[] _integers;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        var parameters = raw.sqlite3_bind_parameter_count(_statement) + 1;
        _held = new Held[parameters];
        _integers = new long[parameters];
    }

    private enum Held : byte
    {
        Unknown,
        Integer,
        Null,
    }

    /// <summary>An INSERT of <paramref name="rows"/> rows at once, bound row after row: parameter <c>row × columns + column + 1</c>.</summary>
    public static string Insert(string table, IReadOnlyList<string> columns, int rows = 1) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES " +
        string.Join(", ", Enumerable.Range(0, rows).Select(row => $"({string.Join(", ", columns.Select((_, i) => "?" + (row * columns.Count + i + 1)))})"));

    public SqliteStatement Bind(int index, long value)
    {
        if (_held[index] != Held.Integer || _integers[index] != value)
        {
            _held[index] = Held.Unknown;
            Check(raw.sqlite3_bind_int64(_statement, index, value));
            (_held[index], _integers[index]) = (Held.Integer, value);
        }

        return this;
    }

    public SqliteStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            return BindNull(index);
        }

        _held[index] = Held.Unknown;
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        _held[index] = Held.Unknown;
        Check(raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    private SqliteStatement BindNull(int index)
    {
        if (_held[index] != Held.Null)
        {
            _held[index] = Held.Unknown;
            Check(raw.sqlite3_bind_null(_statement, index));
            _held[index] = Held.Null;
        }

        return this;
    }

    /// <summary>Runs a statement that returns no row.</summary>
    public void Execute()
    {
        var stepped = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (stepped != Done)
        {
            Check(stepped);
        }
    }

    /// <summary>Runs a statement and returns the first column of its first row as an integer, or null if there is none.</summary>
    public long? ExecuteScalar()
    {
        var stepped = raw.sqlite3_step(_statement);
        long? value = stepped == Row ? raw.sqlite3_column_int64(_statement, 0) : null;
        raw.sqlite3_reset(_statement);
        if (stepped is not (Row or Done))
        {
            Check(stepped);
        }

        return value;
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
