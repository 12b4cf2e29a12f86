using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQlRegistry.Api.Citizens.Catalogue;
using GraphQlRegistry.Data.Entities;
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
        var bindings = PropertiesOf(mask)
            .Select(name => typeof(Citizen).GetProperty(name)!)
            .Select(property => Expression.Bind(property, Expression.Property(row, property)));
        return Expression.Lambda<Func<Citizen, Citizen>>(Expression.MemberInit(Expression.New(typeof(Citizen)), bindings), row);
    });

    /// <summary>The names of the properties a mask holds, in declaration order.</summary>
    public static IEnumerable<string> PropertiesOf(ulong mask) => Properties.Where((_, index) => (mask & (1UL << index)) != 0);

    private static ulong Bit(string property) => 1UL << Array.IndexOf(Properties, property);
}
