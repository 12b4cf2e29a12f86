using GraphQlRegistry.Policy.Fields;

namespace GraphQlRegistry.Policy.Tests.Fields;

public sealed class PartialMasksTests
{
    [Fact]
    public void PersonalId_KeepsTheLastFourDigits() => Assert.Equal("********4567", PartialMasks.PersonalId("079203004567"));

    [Theory]
    [InlineData("Nguyễn Văn An", "N. V. An")]
    [InlineData("Đặng Thị Ngọc Ánh", "Đ. T. N. Ánh")]
    [InlineData("An", "An")]
    [InlineData("  Lê   Văn  Tám ", "L. V. Tám")]
    public void Initials_CutsEveryWordButTheLast(string name, string expected) => Assert.Equal(expected, PartialMasks.Initials(name));

    [Fact]
    public void Initials_KeepsADecomposedDiacriticWithItsLetter()
    {
        var decomposed = "Ê\u0301 Văn An".Normalize(System.Text.NormalizationForm.FormD);
        Assert.StartsWith("Ê\u0301.".Normalize(System.Text.NormalizationForm.FormD), PartialMasks.Initials(decomposed));
    }

    [Fact]
    public void Apply_HidesByDefault() => Assert.Null(PartialMasks.Apply(PartialRendering.Hidden, "Số 1 đường Lê Lợi"));
}
