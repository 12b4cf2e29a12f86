using System.Linq.Expressions;
using GraphQlRegistry.Data.Entities;

namespace GraphQlRegistry.Api.Citizens;

public enum CitizenOrderField
{
    PersonalId,
    FullName,
    DateOfBirth,
    Sex,
    Nationality,
    Ethnicity,
    Religion,
    BloodType,
    PlaceOfOrigin,
    BirthRegistrationPlace,
    MaritalStatus,
    DateOfDeath,
}

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>One key of the <c>order</c> argument. Rows tie-break on the personal id, so pages are stable.</summary>
public sealed class CitizenOrder
{
    public CitizenOrderField Field { get; set; }

    public SortDirection Direction { get; set; }

    /// <summary>The citizen field this key sorts by (which must be readable in clear).</summary>
    public string ComparedField => Field switch
    {
        CitizenOrderField.PersonalId => "personalId",
        CitizenOrderField.FullName => "fullName",
        CitizenOrderField.DateOfBirth => "dateOfBirth",
        CitizenOrderField.Sex => "sex",
        CitizenOrderField.Nationality => "nationality",
        CitizenOrderField.Ethnicity => "ethnicity",
        CitizenOrderField.Religion => "religion",
        CitizenOrderField.BloodType => "bloodType",
        CitizenOrderField.PlaceOfOrigin => "placeOfOrigin",
        CitizenOrderField.BirthRegistrationPlace => "birthRegistrationPlace",
        CitizenOrderField.MaritalStatus => "maritalStatus",
        CitizenOrderField.DateOfDeath => "dateOfDeath",
    };

    public static IQueryable<Citizen> Apply(IQueryable<Citizen> query, IReadOnlyList<CitizenOrder> order)
    {
        IOrderedQueryable<Citizen>? ordered = null;
        foreach (var key in order)
        {
            ordered = key.Field switch
            {
                CitizenOrderField.PersonalId => By(ordered ?? query, c => c.PersonalId, key, ordered is null),
                CitizenOrderField.FullName => By(ordered ?? query, c => c.FullName, key, ordered is null),
                CitizenOrderField.DateOfBirth => By(ordered ?? query, c => c.DateOfBirth, key, ordered is null),
                CitizenOrderField.Sex => By(ordered ?? query, c => c.Sex, key, ordered is null),
                CitizenOrderField.Nationality => By(ordered ?? query, c => c.Nationality, key, ordered is null),
                CitizenOrderField.Ethnicity => By(ordered ?? query, c => c.Ethnicity, key, ordered is null),
                CitizenOrderField.Religion => By(ordered ?? query, c => c.Religion, key, ordered is null),
                CitizenOrderField.BloodType => By(ordered ?? query, c => c.BloodType, key, ordered is null),
                CitizenOrderField.PlaceOfOrigin => By(ordered ?? query, c => c.PlaceOfOrigin, key, ordered is null),
                CitizenOrderField.BirthRegistrationPlace => By(ordered ?? query, c => c.BirthRegistrationPlace, key, ordered is null),
                CitizenOrderField.MaritalStatus => By(ordered ?? query, c => c.MaritalStatus, key, ordered is null),
                CitizenOrderField.DateOfDeath => By(ordered ?? query, c => c.DateOfDeath, key, ordered is null),
            };
        }

        return ordered is null ? query.OrderBy(c => c.PersonalId) : ordered.ThenBy(c => c.PersonalId);
    }

    private static IOrderedQueryable<Citizen> By<TKey>(IQueryable<Citizen> query, Expression<Func<Citizen, TKey>> key, CitizenOrder order, bool first) =>
        (first, order.Direction) switch
        {
            (true, SortDirection.Asc) => query.OrderBy(key),
            (true, SortDirection.Desc) => query.OrderByDescending(key),
            (false, SortDirection.Asc) => ((IOrderedQueryable<Citizen>)query).ThenBy(key),
            (false, SortDirection.Desc) => ((IOrderedQueryable<Citizen>)query).ThenByDescending(key),
        };
}
