using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Citizens;

namespace GraphQlRegistry.Data.Demo;

/// <summary>
/// Deterministic synthetic citizens, generated household by household so that families are consistent:
/// spouses point at each other, children are born when their mother is 19 to 42, everyone in a household
/// shares its permanent address, and each id encodes the province of birth registration, sex and birth year.
/// A fifth of the households come as three generations (grandparents, their married son's household, his children).
/// The same seed always yields the same citizens.
/// </summary>
public sealed class DemoCitizenGenerator(int seed, DemoUnits units)
{
    /// <summary>The "today" of the demo data, fixed so that the data never depends on the clock.</summary>
    public static readonly DateOnly ReferenceDate = new(2025, 1, 1);

    /// <summary>A married son is at least 27 on the reference date, so his wife (at most 5 years younger) can have a child at 19.</summary>
    private const int LatestParentBirthYear = 1997;

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, (int Offset, int Count)> _serials = new(StringComparer.Ordinal);

    public IEnumerable<Citizen> Generate(int count)
    {
        var remaining = count;
        while (remaining > 0)
        {
            var household = NextHousehold(remaining);
            remaining -= household.Count;
            foreach (var member in household)
            {
                yield return member;
            }
        }
    }

    private List<Citizen> NextHousehold(int maxSize)
    {
        var home = Pick(units.Communes);
        var street = NewStreet();
        var roll = _random.Next(100);

        if (maxSize < 2 || roll < 20)
        {
            return [Single(home, street, _random.Next(1960, 2005), MaritalStatus.Single)];
        }

        if (roll < 40 && maxSize >= 5)
        {
            return ThreeGenerations(home, street, maxSize);
        }

        if (roll >= 88)
        {
            var widowed = Single(home, street, _random.Next(1932, 1956), MaritalStatus.Widowed);
            if (_random.Next(100) < 30)
            {
                widowed.DateOfDeath = RandomDate(Math.Max(widowed.DateOfBirth!.Value.Year + 60, 2000), 2024);
            }

            return [widowed];
        }

        return Couple(home, street, maxSize);
    }

    private Citizen Single(AdministrativeUnit home, string street, int birthYear, MaritalStatus status)
    {
        var sex = _random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var person = NewPerson(sex, birthYear, BirthProvinceFor(home), home, street, Pick(VietnameseNames.FamilyNames), RandomOrigin());
        person.MaritalStatus = status;
        person.HouseholdHeadId = person.PersonalId;
        person.HouseholdRelationship = HouseholdRelationship.Self;
        return person;
    }

    private List<Citizen> Couple(AdministrativeUnit home, string street, int maxSize)
    {
        var familyName = Pick(VietnameseNames.FamilyNames);
        var origin = RandomOrigin();
        var husband = NewPerson(Sex.Male, _random.Next(1945, 1999), BirthProvinceFor(home), home, street, familyName, origin);
        var wife = Marry(husband, home, street);
        var household = new List<Citizen> { husband, wife };
        AddChildren(household, husband, wife, Math.Min(_random.Next(4), maxSize - 2), home, street, familyName, origin);
        return household;
    }

    /// <summary>
    /// Grandparents in their household; their son, born to them, married, heading a household of his own with his wife
    /// and their children, in his parents' commune or (for some) one he moved to. The son and his children carry the
    /// grandfather's family name and place of origin. So one record (the son's) has recorded parents and a spouse.
    /// </summary>
    private List<Citizen> ThreeGenerations(AdministrativeUnit home, string street, int maxSize)
    {
        var familyName = Pick(VietnameseNames.FamilyNames);
        var origin = RandomOrigin();
        var grandfather = NewPerson(Sex.Male, _random.Next(1935, 1958), BirthProvinceFor(home), home, street, familyName, origin);
        var grandmother = Marry(grandfather, home, street);

        var motherYear = grandmother.DateOfBirth!.Value.Year;
        var sonYear = _random.Next(motherYear + 19, Math.Min(motherYear + 42, LatestParentBirthYear) + 1);
        var sonHome = _random.Next(100) < 70 ? home : Pick(units.Communes);
        var sonStreet = NewStreet();
        var son = NewPerson(Sex.Male, sonYear, units.ProvinceOf(home).Code, sonHome, sonStreet, familyName, origin);
        son.FatherId = grandfather.PersonalId;
        son.MotherId = grandmother.PersonalId;
        var daughterInLaw = Marry(son, sonHome, sonStreet);

        var family = new List<Citizen> { grandfather, grandmother, son, daughterInLaw };
        AddChildren(family, son, daughterInLaw, Math.Min(1 + _random.Next(3), maxSize - 4), sonHome, sonStreet, familyName, origin);
        return family;
    }

    /// <summary>A wife for the husband, in his household at his address; he becomes its head.</summary>
    private Citizen Marry(Citizen husband, AdministrativeUnit home, string street)
    {
        var wifeYear = Math.Clamp(husband.DateOfBirth!.Value.Year + _random.Next(-3, 6), 1930, LatestParentBirthYear + 5);
        var wife = NewPerson(Sex.Female, wifeYear, BirthProvinceFor(home), home, street, Pick(VietnameseNames.FamilyNames), RandomOrigin());
        husband.SpouseId = wife.PersonalId;
        wife.SpouseId = husband.PersonalId;
        husband.MaritalStatus = wife.MaritalStatus = MaritalStatus.Married;
        husband.HouseholdHeadId = wife.HouseholdHeadId = husband.PersonalId;
        husband.HouseholdRelationship = HouseholdRelationship.Self;
        wife.HouseholdRelationship = HouseholdRelationship.Spouse;
        return wife;
    }

    /// <summary>Children born when their mother is 19 to 42 and before the reference date, in their father's household.</summary>
    private void AddChildren(List<Citizen> household, Citizen father, Citizen mother, int count, AdministrativeUnit home, string street, string familyName, string origin)
    {
        var motherYear = mother.DateOfBirth!.Value.Year;
        var firstChildYear = motherYear + 19;
        var lastChildYear = Math.Min(motherYear + 42, ReferenceDate.Year - 1);
        for (var i = 0; i < count && firstChildYear <= lastChildYear; i++)
        {
            var sex = _random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var child = NewPerson(sex, _random.Next(firstChildYear, lastChildYear + 1), units.ProvinceOf(home).Code, home, street, familyName, origin);
            child.FatherId = father.PersonalId;
            child.MotherId = mother.PersonalId;
            child.MaritalStatus = MaritalStatus.Single;
            child.HouseholdHeadId = father.PersonalId;
            child.HouseholdRelationship = HouseholdRelationship.Child;
            household.Add(child);
        }
    }

    private Citizen NewPerson(Sex sex, int birthYear, string birthProvince, AdministrativeUnit home, string street, string familyName, string origin)
    {
        var birthDate = RandomDate(birthYear, birthYear);
        var (middle, given) = sex == Sex.Male
            ? (Pick(VietnameseNames.MaleMiddleNames), Pick(VietnameseNames.MaleGivenNames))
            : (Pick(VietnameseNames.FemaleMiddleNames), Pick(VietnameseNames.FemaleGivenNames));
        var district = units.DistrictOf(home);
        var province = units.ProvinceOf(home);

        var citizen = new Citizen
        {
            PersonalId = NextId(birthProvince, sex, birthYear),
            FullName = $"{familyName} {middle} {given}",
            DateOfBirth = birthDate,
            Sex = sex,
            Nationality = "Việt Nam",
            Ethnicity = PickWeighted(VietnameseNames.Ethnicities),
            Religion = PickWeighted(VietnameseNames.Religions),
            BloodType = PickWeighted(VietnameseNames.BloodTypes),
            PlaceOfOrigin = origin,
            BirthRegistrationPlace = units.Describe(Pick(units.CommunesIn(birthProvince))),
            PermanentProvinceCode = province.Code,
            PermanentDistrictCode = district.Code,
            PermanentCommuneCode = home.Code,
            PermanentStreet = street,
        };

        // Most people live where they are registered; some have moved for work and hold a temporary residence.
        var current = _random.Next(100) < 85 ? home : Pick(units.Communes);
        citizen.CurrentCommuneCode = current.Code;
        citizen.CurrentDistrictCode = units.DistrictOf(current).Code;
        citizen.CurrentProvinceCode = units.ProvinceOf(current).Code;
        citizen.CurrentStreet = current == home ? street : NewStreet();
        return citizen;
    }

    private string NewStreet() => $"Số {_random.Next(1, 300)} đường {Pick(VietnameseNames.StreetNames)}";

    private string BirthProvinceFor(AdministrativeUnit home) =>
        _random.Next(100) < 75 ? units.ProvinceOf(home).Code : Pick(Provinces.All).Code;

    private string RandomOrigin() => units.Describe(Pick(units.Communes));

    /// <summary>
    /// Ids are unique: a counter per (province, century and sex, year), from a seeded offset of its own, walks a
    /// bijection of the six serial digits (7919 is prime to 10^6), so serials look scattered yet never repeat.
    /// </summary>
    private string NextId(string provinceCode, Sex sex, int birthYear)
    {
        var bucket = $"{provinceCode}{(int)sex}{birthYear}";
        var (offset, counter) = _serials.TryGetValue(bucket, out var state) ? state : (_random.Next(1_000_000), 0);
        _serials[bucket] = (offset, counter + 1);
        var serial = (int)((counter * 7919L + offset) % 1_000_000);
        return PersonalId.Compose(provinceCode, sex, birthYear, serial).Value;
    }

    private DateOnly RandomDate(int fromYear, int toYear)
    {
        var year = _random.Next(fromYear, toYear + 1);
        var dayOfYear = _random.Next(DateTime.IsLeapYear(year) ? 366 : 365);
        return new DateOnly(year, 1, 1).AddDays(dayOfYear);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private string PickWeighted((string Name, int Weight)[] items)
    {
        var roll = _random.Next(items.Sum(item => item.Weight));
        foreach (var (name, weight) in items)
        {
            if (roll < weight)
            {
                return name;
            }

            roll -= weight;
        }

        return items[^1].Name;
    }
}
