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
}

public sealed record Nested<T>(T Value, FieldDecision Decision, string CitizenRef) : INestedSource;

public sealed record AddressValue(string? ProvinceCode, string? DistrictCode, string? CommuneCode, string? Street);

public sealed record RelativeValue(string PersonalId, string? FullName);

public sealed record HouseholdValue(string HeadId, HouseholdRelationship? Relationship);

/// <summary>The result of <c>verifyIdentity</c>: which attributes matched. The stored values never leave.</summary>
public sealed record IdentityMatch(bool PersonalIdExists, bool FullNameMatches, bool DateOfBirthMatches, string CitizenRef);
