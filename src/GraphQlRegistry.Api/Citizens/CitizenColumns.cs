using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQlRegistry.Api.Citizens.Catalogue;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>
/// The columns a citizen field needs under a decision (as the catalogue declares them), and the projection that
/// reads exactly a set of them. A masked address needs only its province code, so the other address columns are never read.
/// </summary>
public static class CitizenColumns
{
    private static readonly string[] Properties = typeof(Citizen).GetProperties().Select(p => p.Name).ToArray();
    private static readonly ConcurrentDictionary<ulong, Expression<Func<Citizen, Citizen>>> Projections = new();

    public static ulong Mask(IEnumerable<string> properties) =>
        properties.Aggregate(Bit(nameof(Citizen.PersonalId)), (mask, property) => mask | Bit(property));

    /// <summary>The columns a field needs under a decision; none when it is denied.</summary>
    public static IEnumerable<string> For(CitizenField field, FieldDecision decision) => decision.Outcome switch
    {
        FieldOutcome.Revealed => field.ClearColumns,
        FieldOutcome.Masked => field.PartialColumns,
        FieldOutcome.Denied => [],
    };

    /// <summary><c>c => new Citizen { PersonalId = c.PersonalId, ... }</c> over exactly the masked-in columns; cached per set.</summary>
    public static Expression<Func<Citizen, Citizen>> Projection(ulong mask) => Projections.GetOrAdd(mask, static mask =>
    {
        var row = Expression.Parameter(typeof(Citizen), "c");
        var bindings = Properties
            .Where((_, index) => (mask & (1UL << index)) != 0)
            .Select(name => typeof(Citizen).GetProperty(name)!)
            .Select(property => Expression.Bind(property, Expression.Property(row, property)));
        return Expression.Lambda<Func<Citizen, Citizen>>(Expression.MemberInit(Expression.New(typeof(Citizen)), bindings), row);
    });

    /// <summary><c>(db, id) => db.Citizens.Where(c => c.PersonalId == id).Select(projection).FirstOrDefault()</c>, ready to compile.</summary>
    public static Expression<Func<RegistryDbContext, string, Citizen?>> LookupById(ulong mask)
    {
        Expression<Func<RegistryDbContext, string, IQueryable<Citizen>>> byId = (db, id) => db.Citizens.AsNoTracking().Where(c => c.PersonalId == id);
        var projected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Citizen), typeof(Citizen)], byId.Body, Expression.Quote(Projection(mask)));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(Citizen)], projected);
        return Expression.Lambda<Func<RegistryDbContext, string, Citizen?>>(first, byId.Parameters);
    }

    private static ulong Bit(string property) => 1UL << Array.IndexOf(Properties, property);
}
