using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GraphQlRegistry.AccessLog.Writing;

/// <summary>An INSERT prepared once for the writer's connection and executed with positional values.</summary>
internal abstract class PreparedInsert : IDisposable
{
    public static PreparedInsert For(DbConnection connection, string table, IReadOnlyList<string> columns)
    {
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        return connection is SqliteConnection sqlite ? new SqliteInsert(sqlite, sql) : new CommandInsert(connection, sql, columns.Count);
    }

    /// <summary>Values are <c>null</c>, <see cref="long"/> or <see cref="string"/>.</summary>
    public abstract ValueTask ExecuteAsync(object?[] values, DbTransaction transaction, CancellationToken cancellationToken);

    public abstract void Dispose();

    /// <summary>
    /// The SQLite fast path: bound by index through SQLite's own API, skipping ADO.NET's per-call reader and
    /// name-matched binding. Synchronous, like everything SQLite does; it runs on the writer's own task.
    /// </summary>
    private sealed class SqliteInsert : PreparedInsert
    {
        private const int Done = 101;
        private readonly sqlite3 _database;
        private readonly sqlite3_stmt _statement;

        public SqliteInsert(SqliteConnection connection, string sql)
        {
            _database = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        }

        public override ValueTask ExecuteAsync(object?[] values, DbTransaction transaction, CancellationToken cancellationToken)
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

            return ValueTask.CompletedTask;
        }

        private void Check(int resultCode)
        {
            if (resultCode != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(resultCode, _database);
            }
        }

        public override void Dispose() => _statement.Dispose();
    }

    /// <summary>The provider-neutral path (PostgreSQL): one parameterised command reused for every row.</summary>
    private sealed class CommandInsert : PreparedInsert
    {
        private readonly DbCommand _command;

        public CommandInsert(DbConnection connection, string sql, int columnCount)
        {
            _command = connection.CreateCommand();
            _command.CommandText = sql;
            for (var i = 0; i < columnCount; i++)
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                _command.Parameters.Add(parameter);
            }
        }

        public override async ValueTask ExecuteAsync(object?[] values, DbTransaction transaction, CancellationToken cancellationToken)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _command.Transaction = transaction;
            await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void Dispose() => _command.Dispose();
    }
}
