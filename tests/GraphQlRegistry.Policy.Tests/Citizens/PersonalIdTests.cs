using GraphQlRegistry.Policy.Citizens;

namespace GraphQlRegistry.Policy.Tests.Citizens;

public sealed class PersonalIdTests
{
    [Theory]
    [InlineData("001", Sex.Male, 1985, 123456, "001085123456")]
    [InlineData("079", Sex.Female, 1999, 42, "079199000042")]
    [InlineData("096", Sex.Male, 2003, 999999, "096203999999")]
    [InlineData("048", Sex.Female, 2000, 1, "048300000001")]
    public void Compose_EncodesProvinceCenturySexAndYear(string province, Sex sex, int year, int serial, string expected)
    {
        var id = PersonalId.Compose(province, sex, year, serial);
        Assert.Equal(expected, id.Value);
        Assert.True(PersonalId.TryParse(id.Value, out var parsed));
        Assert.Equal((province, sex, year), (parsed.ProvinceCode, parsed.Sex, parsed.BirthYear));
    }

    [Fact]
    public void RoundTrip_HoldsForEveryCenturySexAndYearOfTwoCenturies()
    {
        foreach (var sex in Enum.GetValues<Sex>())
        {
            for (var year = 1900; year < 2100; year++)
            {
                Assert.True(PersonalId.TryParse(PersonalId.Compose("031", sex, year, year).Value, out var parsed));
                Assert.Equal((sex, year), (parsed.Sex, parsed.BirthYear));
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00108512345")]
    [InlineData("0010851234567")]
    [InlineData("00108512345a")]
    [InlineData("００1085123456")]
    [InlineData(" 01085123456")]
    public void NotTwelveAsciiDigits_IsNotWellFormed(string? value) => Assert.False(PersonalId.TryParse(value, out _));
}
