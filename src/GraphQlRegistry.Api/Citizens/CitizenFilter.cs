using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Citizens;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>The <c>CitizenFilter</c> input: equality on every scalar field, a name prefix, and unit codes of either address.</summary>
public sealed class CitizenFilter
{
    public string? PersonalId { get; set; }

    public string? FullName { get; set; }

    public string? FullNameStartsWith { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public Sex? Sex { get; set; }

    public string? Nationality { get; set; }

    public string? Ethnicity { get; set; }

    public string? Religion { get; set; }

    public string? BloodType { get; set; }

    public string? PlaceOfOrigin { get; set; }

    public string? BirthRegistrationPlace { get; set; }

    public MaritalStatus? MaritalStatus { get; set; }

    public DateOnly? DateOfDeath { get; set; }

    /// <summary>A province, district or commune code the permanent address lies in.</summary>
    public string? PermanentUnitCode { get; set; }

    /// <summary>A province, district or commune code the current address lies in.</summary>
    public string? CurrentUnitCode { get; set; }

    /// <summary>The citizen fields this filter compares against: each must be readable in clear by the caller.</summary>
    public IEnumerable<string> ComparedFields()
    {
        if (PersonalId is not null) yield return "personalId";
        if (FullName is not null || FullNameStartsWith is not null) yield return "fullName";
        if (DateOfBirth is not null) yield return "dateOfBirth";
        if (Sex is not null) yield return "sex";
        if (Nationality is not null) yield return "nationality";
        if (Ethnicity is not null) yield return "ethnicity";
        if (Religion is not null) yield return "religion";
        if (BloodType is not null) yield return "bloodType";
        if (PlaceOfOrigin is not null) yield return "placeOfOrigin";
        if (BirthRegistrationPlace is not null) yield return "birthRegistrationPlace";
        if (MaritalStatus is not null) yield return "maritalStatus";
        if (DateOfDeath is not null) yield return "dateOfDeath";
        if (PermanentUnitCode is not null) yield return "permanentAddress";
        if (CurrentUnitCode is not null) yield return "currentAddress";
    }

    public IQueryable<Citizen> Apply(IQueryable<Citizen> query)
    {
        if (PersonalId is { } id) query = query.Where(c => c.PersonalId == id);
        if (FullName is { } name) query = query.Where(c => c.FullName == name);
        if (FullNameStartsWith is { } prefix) query = query.Where(c => c.FullName!.StartsWith(prefix));
        if (DateOfBirth is { } born) query = query.Where(c => c.DateOfBirth == born);
        if (Sex is { } sex) query = query.Where(c => c.Sex == sex);
        if (Nationality is { } nationality) query = query.Where(c => c.Nationality == nationality);
        if (Ethnicity is { } ethnicity) query = query.Where(c => c.Ethnicity == ethnicity);
        if (Religion is { } religion) query = query.Where(c => c.Religion == religion);
        if (BloodType is { } bloodType) query = query.Where(c => c.BloodType == bloodType);
        if (PlaceOfOrigin is { } origin) query = query.Where(c => c.PlaceOfOrigin == origin);
        if (BirthRegistrationPlace is { } registered) query = query.Where(c => c.BirthRegistrationPlace == registered);
        if (MaritalStatus is { } status) query = query.Where(c => c.MaritalStatus == status);
        if (DateOfDeath is { } died) query = query.Where(c => c.DateOfDeath == died);
        if (PermanentUnitCode is { } permanent)
        {
            query = query.Where(c => c.PermanentProvinceCode == permanent || c.PermanentDistrictCode == permanent || c.PermanentCommuneCode == permanent);
        }

        if (CurrentUnitCode is { } current)
        {
            query = query.Where(c => c.CurrentProvinceCode == current || c.CurrentDistrictCode == current || c.CurrentCommuneCode == current);
        }

        return query;
    }
}
