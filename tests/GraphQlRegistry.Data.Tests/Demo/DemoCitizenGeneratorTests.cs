using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Citizens;

namespace GraphQlRegistry.Data.Tests.Demo;

public sealed class DemoCitizenGeneratorTests
{
    private static readonly DemoUnits Units = DemoUnits.Create();
    private static readonly List<Citizen> Citizens = new DemoCitizenGenerator(42, Units).Generate(5_000).ToList();
    private static readonly Dictionary<string, Citizen> ById = Citizens.ToDictionary(c => c.PersonalId);

    [Fact]
    public void SameSeed_GivesTheSameCitizens()
    {
        var again = new DemoCitizenGenerator(42, Units).Generate(5_000).ToList();
        Assert.Equal(Citizens.Select(Fingerprint), again.Select(Fingerprint));
    }

    [Fact]
    public void AnotherSeed_GivesOtherCitizens() =>
        Assert.NotEqual(Citizens.Select(Fingerprint), new DemoCitizenGenerator(43, Units).Generate(5_000).Select(Fingerprint));

    [Fact]
    public void ExactlyTheRequestedNumber_WithUniqueIds() => Assert.Equal(5_000, ById.Count);

    [Fact]
    public void EveryId_EncodesSexBirthYearAndBirthRegistrationProvince()
    {
        var provinceNames = Provinces.All.ToDictionary(p => p.Code, p => p.Name);
        Assert.All(Citizens, c =>
        {
            Assert.True(PersonalId.TryParse(c.PersonalId, out var id));
            Assert.Equal(c.Sex, id.Sex);
            Assert.Equal(c.DateOfBirth!.Value.Year, id.BirthYear);
            Assert.EndsWith(provinceNames[id.ProvinceCode], c.BirthRegistrationPlace);
        });
    }

    [Fact]
    public void Spouses_AreMarriedToEachOther()
    {
        var married = Citizens.Where(c => c.SpouseId is not null).ToList();
        Assert.NotEmpty(married);
        Assert.All(married, c =>
        {
            var spouse = ById[c.SpouseId!];
            Assert.Equal(c.PersonalId, spouse.SpouseId);
            Assert.Equal(MaritalStatus.Married, c.MaritalStatus);
            Assert.NotEqual(c.Sex, spouse.Sex);
        });
    }

    [Fact]
    public void Parents_AreOlderThanTheirChildren_AndMarriedToEachOther()
    {
        var children = Citizens.Where(c => c.FatherId is not null).ToList();
        Assert.NotEmpty(children);
        Assert.All(children, c =>
        {
            var father = ById[c.FatherId!];
            var mother = ById[c.MotherId!];
            Assert.InRange(c.DateOfBirth!.Value.Year - mother.DateOfBirth!.Value.Year, 19, 42);
            Assert.True(father.DateOfBirth < c.DateOfBirth);
            Assert.Equal(father.SpouseId, mother.PersonalId);
            Assert.Equal(father.PlaceOfOrigin, c.PlaceOfOrigin);
            Assert.Equal(FamilyName(father), FamilyName(c));
            Assert.EndsWith(Provinces.All.Single(p => p.Code == father.PermanentProvinceCode).Name, c.BirthRegistrationPlace);
        });
    }

    [Fact]
    public void UnmarriedChildren_LiveInTheirFathersHousehold_MarriedSonsHeadTheirOwn()
    {
        Assert.All(Citizens.Where(c => c.FatherId is not null), c =>
        {
            var father = ById[c.FatherId!];
            if (c.SpouseId is null)
            {
                Assert.Equal(father.PersonalId, c.HouseholdHeadId);
                Assert.Equal(HouseholdRelationship.Child, c.HouseholdRelationship);
                Assert.Equal((father.PermanentCommuneCode, father.PermanentStreet), (c.PermanentCommuneCode, c.PermanentStreet));
            }
            else
            {
                Assert.Equal(c.PersonalId, c.HouseholdHeadId);
                Assert.NotEqual(father.PermanentStreet, c.PermanentStreet);
            }
        });
    }

    /// <summary>What a notary's view needs on one record: parents (shown masked) and a spouse (shown clear).</summary>
    [Fact]
    public void ThreeGenerationFamilies_GiveMarriedParentsWithRecordedParentsAndChildren()
    {
        var middle = Citizens.Where(c => c.FatherId is not null && c.SpouseId is not null).ToList();
        Assert.InRange(middle.Count, Citizens.Count / 40, Citizens.Count / 5);
        var childrenByFather = Citizens.Where(c => c.FatherId is not null).ToLookup(c => c.FatherId!);
        Assert.All(middle, son =>
        {
            var wife = ById[son.SpouseId!];
            Assert.Equal(son.PersonalId, wife.HouseholdHeadId);
            Assert.Equal(HouseholdRelationship.Spouse, wife.HouseholdRelationship);
            Assert.Equal(MaritalStatus.Married, ById[son.FatherId!].MaritalStatus);
            Assert.NotEmpty(childrenByFather[son.PersonalId]);
            Assert.All(childrenByFather[son.PersonalId], child => Assert.Equal(wife.PersonalId, child.MotherId));
        });
    }

    [Fact]
    public void NobodyIsBornAfterTheReferenceDate_NorDiesBeforeBirth() => Assert.All(Citizens, c =>
    {
        Assert.True(c.DateOfBirth < DemoCitizenGenerator.ReferenceDate);
        Assert.True(c.DateOfDeath is null || c.DateOfDeath > c.DateOfBirth);
    });

    [Fact]
    public void EveryHouseholdHead_ExistsAndHeadsThemselves() =>
        Assert.All(Citizens, c => Assert.Equal(c.HouseholdHeadId, ById[c.HouseholdHeadId!].HouseholdHeadId));

    [Fact]
    public void Names_AreVietnameseWithDiacritics()
    {
        Assert.All(Citizens, c => Assert.InRange(c.FullName!.Split(' ').Length, 3, 4));
        Assert.Contains(Citizens, c => c.FullName!.Any(ch => ch > 127));
    }

    [Fact]
    public void Units_AreTheSixtyThreeRealProvincesWithSyntheticDistrictsAndCommunes()
    {
        Assert.Equal(63, Provinces.All.Count);
        Assert.Equal(63 * DemoUnits.DistrictsPerProvince * DemoUnits.CommunesPerDistrict, Units.Communes.Count);
        Assert.All(Units.Communes, commune => Assert.StartsWith(Units.ProvinceOf(commune).Code, commune.Code));
    }

    private static string FamilyName(Citizen c) => c.FullName!.Split(' ')[0];

    private static string Fingerprint(Citizen c) =>
        $"{c.PersonalId}|{c.FullName}|{c.DateOfBirth}|{c.PermanentCommuneCode}|{c.CurrentStreet}|{c.SpouseId}|{c.FatherId}|{c.Religion}|{c.DateOfDeath}";
}
