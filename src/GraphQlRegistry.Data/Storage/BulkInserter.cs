using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphQlRegistry.Data.Storage;

/// <summary>
/// Inserts many rows of one entity type through the context's connection with multi-row prepared INSERTs,
/// reading table, columns and value conversions from the EF model so the SQL never drifts from the schema.
/// Used for demo data, where the change tracker would cost minutes per million rows.
/// </summary>
public sealed class BulkInserter<T> where T : class
{
    private const int MaxParametersPerStatement = 30_000;
    private const int MaxRowsPerStatement = 500;

    private readonly DbContext _context;
    private readonly Column[] _columns;
    private readonly string _table;

    public BulkInserter(DbContext context)
    {
        _context = context;
        var entityType = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        _table = entityType.GetTableName()!;
        var table = StoreObjectIdentifier.Table(_table, entityType.GetSchema());
        _columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p => new Column(p.GetColumnName(table)!, p.PropertyInfo!, p.GetTypeMapping().Converter))
            .ToArray();
    }

    /// <summary>
    /// SQLite prepares one row at a time: inside a transaction that is its fastest path, and Microsoft.Data.Sqlite
    /// binds parameters by a linear name search, so a wide statement costs quadratic time. PostgreSQL gets multi-row
    /// statements, which save round trips.
    /// </summary>
    public int RowsPerStatement => _context.Database.IsSqlite() ? 1 : Math.Min(MaxRowsPerStatement, MaxParametersPerStatement / _columns.Length);

    /// <summary>Inserts the rows inside the given transaction, statement by statement.</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        var fullStatement = default(DbCommand);
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            var command = count == RowsPerStatement
                ? fullStatement ??= CreateCommand(count, transaction)
                : CreateCommand(count, transaction);
            Bind(command, rows, start, count);
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (command != fullStatement)
            {
                await command.DisposeAsync();
            }
        }

        if (fullStatement is not null)
        {
            await fullStatement.DisposeAsync();
        }
    }

    private DbCommand CreateCommand(int rowCount, DbTransaction transaction)
    {
        var command = _context.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var columnList = string.Join(", ", _columns.Select(c => Quote(c.Name)));
        var values = Enumerable.Range(0, rowCount)
            .Select(row => "(" + string.Join(", ", _columns.Select((_, col) => $"@p{row * _columns.Length + col}")) + ")");
        command.CommandText = $"INSERT INTO {Quote(_table)} ({columnList}) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rowCount * _columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private void Bind(DbCommand command, IReadOnlyList<T> rows, int start, int count)
    {
        var index = 0;
        for (var row = start; row < start + count; row++)
        {
            foreach (var column in _columns)
            {
                command.Parameters[index++].Value = column.ProviderValue(rows[row]) ?? DBNull.Value;
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private sealed record Column(string Name, PropertyInfo Property, ValueConverter? Converter)
    {
        public object? ProviderValue(object entity)
        {
            var value = Property.GetValue(entity);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
