using System.Collections.Concurrent;
using System.Collections.Frozen;
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
    private static readonly FrozenDictionary<string, int> Positions = Properties.Index().ToFrozenDictionary(p => p.Item, p => p.Index);
    private static readonly ConcurrentDictionary<ulong, Expression<Func<Citizen, Citizen>>> Projections = new();

    // Every request asks which columns its fields need: the masks are worked out once per field, not per request.
    private static readonly ConcurrentDictionary<CitizenField, (ulong Clear, ulong Partial)> FieldMasks = new();

    /// <summary>The columns every read takes: the key (<see cref="Citizen.PersonalId"/>).</summary>
    public static ulong Key { get; } = Bit(nameof(Citizen.PersonalId));

    /// <summary>The key and the given entity properties; an unknown property name fails rather than reading nothing.</summary>
    public static ulong Mask(IEnumerable<string> properties) => properties.Aggregate(Key, (mask, property) => mask | Bit(property));

    /// <summary>The columns a field needs under a decision (with the key); only the key when it is denied.</summary>
    public static ulong For(CitizenField field, FieldDecision decision)
    {
        var (clear, partial) = FieldMasks.GetOrAdd(field, static field => (Mask(field.ClearColumns), Mask(field.PartialColumns)));
        return decision.Outcome switch
        {
            FieldOutcome.Revealed => clear,
            FieldOutcome.Masked => partial,
            FieldOutcome.Denied => Key,
        };
    }

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

    private static ulong Bit(string property) => 1UL << Positions[property];
}
