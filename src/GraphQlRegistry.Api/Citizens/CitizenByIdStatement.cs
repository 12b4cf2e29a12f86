using System.Data.Common;
using System.Linq.Expressions;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>
/// The read of one citizen by id over exactly a set of columns, run as a statement prepared once per connection
/// (<see cref="PreparedReads"/>). Its SQL and its row reader are both derived from the EF model (table and column
/// names, stored types, value conversions), so the mapping keeps one source.
/// </summary>
public sealed class CitizenByIdStatement
{
    private CitizenByIdStatement(string sql, Func<DbDataReader, Citizen> readRow)
    {
        Sql = sql;
        ReadRow = readRow;
    }

    public string Sql { get; }

    /// <summary>The row as a <see cref="Citizen"/>: the selected properties set, every other one null.</summary>
    public Func<DbDataReader, Citizen> ReadRow { get; }

    public static CitizenByIdStatement For(IEntityType citizen, ISqlGenerationHelper sql, IEnumerable<string> propertyNames)
    {
        var table = StoreObjectIdentifier.Table(citizen.GetTableName()!, citizen.GetSchema());
        var properties = propertyNames
            .Select(name => citizen.FindProperty(name) ?? throw new ArgumentException($"{name} is not a mapped property of {citizen.DisplayName()}.", nameof(propertyNames)))
            .ToList();
        var key = citizen.FindPrimaryKey()!.Properties.Single();
        var columns = string.Join(", ", properties.Select(property => sql.DelimitIdentifier(property.GetColumnName(table)!)));
        var text = $"SELECT {columns} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(key.GetColumnName(table)!)} = @p0";

        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var bindings = properties.Select((property, ordinal) => Expression.Bind(property.PropertyInfo!, ReadColumn(reader, ordinal, property)));
        var readRow = Expression.Lambda<Func<DbDataReader, Citizen>>(Expression.MemberInit(Expression.New(typeof(Citizen)), bindings), reader);
        return new CitizenByIdStatement(text, readRow.Compile());
    }

    /// <summary><c>reader.IsDBNull(i) ? null : fromStore(reader.GetFieldValue&lt;Stored&gt;(i))</c>, by the property's type mapping.</summary>
    private static Expression ReadColumn(ParameterExpression reader, int ordinal, IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var index = Expression.Constant(ordinal);
        Expression value = Expression.Call(reader, nameof(DbDataReader.GetFieldValue), [stored], index);
        if (converter is not null)
        {
            value = Expression.Invoke(converter.ConvertFromProviderExpression, value);
        }

        return Expression.Condition(
            Expression.Call(reader, nameof(DbDataReader.IsDBNull), null, index),
            Expression.Default(property.ClrType),
            Expression.Convert(value, property.ClrType));
    }
}
