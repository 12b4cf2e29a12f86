using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Api.Citizens;

/// <summary>A citizen row as read for this caller (unread columns are null) with its pseudonymous reference for the log.</summary>
public sealed record CitizenSource(Citizen Row, string CitizenRef);

/// <summary>A value reached through a citizen field, carrying that field's decision down to its own fields.</summary>
public interface INestedSource
{
    FieldDecision Decision { get; }

    string CitizenRef { get; }

    /// <summary>Another citizen this value is about (a relative), whose own history must show what of them was disclosed.</summary>
    string? AlsoAbout { get; }
}

public sealed record Nested<T>(T Value, FieldDecision Decision, string CitizenRef) : INestedSource
{
    public string? AlsoAbout => Value is RelativeValue relative ? relative.CitizenRef : null;
}

public sealed record AddressValue(string? ProvinceCode, string? DistrictCode, string? CommuneCode, string? Street);

/// <summary>A relative's id and name, with the relative's own pseudonymous reference.</summary>
public sealed record RelativeValue(string PersonalId, string? FullName, string CitizenRef);

public sealed record HouseholdValue(string HeadId, HouseholdRelationship? Relationship);

/// <summary>The result of <c>verifyIdentity</c>: which attributes matched. The stored values never leave.</summary>
public sealed record IdentityMatch(bool PersonalIdExists, bool FullNameMatches, bool DateOfBirthMatches, string CitizenRef);
