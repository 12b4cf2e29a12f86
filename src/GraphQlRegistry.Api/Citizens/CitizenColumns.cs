using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>
/// Which columns each citizen field needs, clear or partially masked, and the projection that reads exactly a set
/// of them. A masked address needs only its province code, so the other address columns are never read.
/// </summary>
public static class CitizenColumns
{
    private static readonly string[] Properties = typeof(Citizen).GetProperties().Select(p => p.Name).ToArray();
    private static readonly ConcurrentDictionary<ulong, Expression<Func<Citizen, Citizen>>> Projections = new();

    private static readonly Dictionary<string, (string[] Clear, string[] Partial)> ByField = new()
    {
        ["personalId"] = ([nameof(Citizen.PersonalId)], [nameof(Citizen.PersonalId)]),
        ["fullName"] = ([nameof(Citizen.FullName)], [nameof(Citizen.FullName)]),
        ["dateOfBirth"] = ([nameof(Citizen.DateOfBirth)], []),
        ["sex"] = ([nameof(Citizen.Sex)], []),
        ["nationality"] = ([nameof(Citizen.Nationality)], []),
        ["ethnicity"] = ([nameof(Citizen.Ethnicity)], []),
        ["religion"] = ([nameof(Citizen.Religion)], []),
        ["bloodType"] = ([nameof(Citizen.BloodType)], []),
        ["placeOfOrigin"] = ([nameof(Citizen.PlaceOfOrigin)], []),
        ["birthRegistrationPlace"] = ([nameof(Citizen.BirthRegistrationPlace)], []),
        ["maritalStatus"] = ([nameof(Citizen.MaritalStatus)], []),
        ["dateOfDeath"] = ([nameof(Citizen.DateOfDeath)], []),
        ["permanentAddress"] = (
            [nameof(Citizen.PermanentProvinceCode), nameof(Citizen.PermanentDistrictCode), nameof(Citizen.PermanentCommuneCode), nameof(Citizen.PermanentStreet)],
            [nameof(Citizen.PermanentProvinceCode)]),
        ["currentAddress"] = (
            [nameof(Citizen.CurrentProvinceCode), nameof(Citizen.CurrentDistrictCode), nameof(Citizen.CurrentCommuneCode), nameof(Citizen.CurrentStreet)],
            [nameof(Citizen.CurrentProvinceCode)]),
        ["father"] = ([nameof(Citizen.FatherId)], [nameof(Citizen.FatherId)]),
        ["mother"] = ([nameof(Citizen.MotherId)], [nameof(Citizen.MotherId)]),
        ["spouse"] = ([nameof(Citizen.SpouseId)], [nameof(Citizen.SpouseId)]),
        ["householdHead"] = ([nameof(Citizen.HouseholdHeadId), nameof(Citizen.HouseholdRelationship)], []),
    };

    /// <summary>The columns the row rules need: where the citizen lives, for a grant with a scope unit.</summary>
    public static readonly string[] Residence =
    [
        nameof(Citizen.PermanentProvinceCode), nameof(Citizen.PermanentDistrictCode), nameof(Citizen.PermanentCommuneCode),
        nameof(Citizen.CurrentProvinceCode), nameof(Citizen.CurrentDistrictCode), nameof(Citizen.CurrentCommuneCode),
    ];

    public static ulong Mask(IEnumerable<string> properties) =>
        properties.Aggregate(Bit(nameof(Citizen.PersonalId)), (mask, property) => mask | Bit(property));

    /// <summary>The columns a field needs under a decision; none when it is denied.</summary>
    public static IEnumerable<string> For(string fieldName, FieldDecision decision) => decision.Outcome switch
    {
        FieldOutcome.Revealed => ByField.GetValueOrDefault(fieldName).Clear ?? [],
        FieldOutcome.Masked => ByField.GetValueOrDefault(fieldName).Partial ?? [],
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
