using GraphQlRegistry.Policy.Citizens;

namespace GraphQlRegistry.Data.Entities;

/// <summary>
/// A citizen record. Every property but <see cref="PersonalId"/> is nullable because reads project only the
/// columns a caller may see: an unread column is null here, not a default that looks like data.
/// </summary>
public sealed class Citizen
{
    public required string PersonalId { get; init; }

    public string? FullName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public Sex? Sex { get; set; }

    public string? Nationality { get; set; }

    public string? Ethnicity { get; set; }

    public string? Religion { get; set; }

    public string? BloodType { get; set; }

    public string? PlaceOfOrigin { get; set; }

    public string? BirthRegistrationPlace { get; set; }

    public MaritalStatus? MaritalStatus { get; set; }

    public string? PermanentProvinceCode { get; set; }

    public string? PermanentDistrictCode { get; set; }

    public string? PermanentCommuneCode { get; set; }

    public string? PermanentStreet { get; set; }

    public string? CurrentProvinceCode { get; set; }

    public string? CurrentDistrictCode { get; set; }

    public string? CurrentCommuneCode { get; set; }

    public string? CurrentStreet { get; set; }

    public string? FatherId { get; set; }

    public string? MotherId { get; set; }

    public string? SpouseId { get; set; }

    public string? HouseholdHeadId { get; set; }

    public HouseholdRelationship? HouseholdRelationship { get; set; }

    public DateOnly? DateOfDeath { get; set; }
}
