using GraphQlRegistry.Api.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQlRegistry.Api.Tests.Schema;

/// <summary>The SDL, the citizen catalogue and the served types must agree; any gap stops start-up, naming every problem.</summary>
public sealed class SchemaCheckTests
{
    private static readonly string Reviewed = SchemaRules.EmbeddedSdl();

    [Fact]
    public void ReviewedSdl_MatchesTheCatalogue() => Assert.NotNull(new SchemaRules(Reviewed).Table);

    [Fact]
    public void SdlFieldMissingFromCatalogue_IsNamed()
    {
        var sdl = Edit("type Citizen @accessLogged {\n", "type Citizen @accessLogged {\n  shoeSize: String @entitled(orgTypes: [STATE_AGENCY])\n");

        var problems = ProblemsOf(sdl);

        Assert.Contains(problems, p => p.StartsWith("Citizen.shoeSize: in the SDL but not in the citizen catalogue", StringComparison.Ordinal));
    }

    [Fact]
    public void CatalogueFieldMissingFromSdl_IsNamed()
    {
        var lines = Reviewed.Split('\n').ToList();
        var field = lines.FindIndex(line => line.StartsWith("  bloodType: String @entitled", StringComparison.Ordinal));
        lines.RemoveRange(field - 1, 2); // the field and its description
        var sdl = string.Join('\n', lines);

        var problems = ProblemsOf(sdl);

        Assert.Contains("Citizen.bloodType: in the citizen catalogue but not in the SDL.", problems);
    }

    [Fact]
    public void FilterInputWithoutComparedField_IsNamed()
    {
        var sdl = Edit("  fullNameStartsWith: String\n", "  fullNameStartsWith: String\n  shoeSize: String\n");

        var problems = ProblemsOf(sdl);

        Assert.Contains("CitizenFilter.shoeSize: in the SDL but not in the citizen catalogue.", problems);
    }

    [Fact]
    public void OrderValueWithoutCatalogueKey_IsNamed()
    {
        var sdl = Edit("enum CitizenOrderField {\n", "enum CitizenOrderField {\n  SHOE_SIZE\n");

        Assert.Contains("CitizenOrderField.SHOE_SIZE: in the SDL but not in the citizen catalogue.", ProblemsOf(sdl));
    }

    [Fact]
    public void RecordTypeFieldWithoutRule_IsNamed()
    {
        var sdl = Edit("  placeOfOrigin: String @entitled(orgTypes: [SPECIALIZED_DATABASE_AGENCY, STATE_AGENCY, CREDIT_INSTITUTION, DIGITAL_SIGNATURE_PROVIDER, ELECTRONIC_IDENTIFICATION_PROVIDER, NOTARY_ORGANIZATION, CITIZEN])",
            "  placeOfOrigin: String");

        Assert.Contains(ProblemsOf(sdl), p => p.StartsWith("Citizen.placeOfOrigin: has no @entitled or @compares rule", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralProblems_AreReportedTogether()
    {
        var sdl = Edit("  fullNameStartsWith: String\n", "  fullNameStartsWith: String\n  shoeSize: String\n")
            .Replace("enum CitizenOrderField {\n", "enum CitizenOrderField {\n  SHOE_SIZE\n", StringComparison.Ordinal);

        var problems = ProblemsOf(sdl);

        Assert.Contains("CitizenFilter.shoeSize: in the SDL but not in the citizen catalogue.", problems);
        Assert.Contains("CitizenOrderField.SHOE_SIZE: in the SDL but not in the citizen catalogue.", problems);
    }

    [Fact]
    public void ServerWithInconsistentSdl_DoesNotStart()
    {
        var sdl = Edit("type Citizen @accessLogged {\n", "type Citizen @accessLogged {\n  shoeSize: String @entitled(orgTypes: [STATE_AGENCY])\n");
        using var server = new ServerWithSdl(sdl);

        var failure = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains("Citizen.shoeSize", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CitizenDataTypeNotLoggedInSdl_StopsStartUp()
    {
        var sdl = Edit("type Relative @accessLogged {", "type Relative {");
        using var server = new ServerWithSdl(sdl);

        var failure = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains("Relative: carries citizen data, but the SDL does not mark it @accessLogged.", failure.ToString(), StringComparison.Ordinal);
    }

    private static string Edit(string find, string replacement)
    {
        Assert.Contains(find, Reviewed, StringComparison.Ordinal);
        return Reviewed.Replace(find, replacement, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ProblemsOf(string sdl) => Assert.Throws<SchemaCheckException>(() => new SchemaRules(sdl)).Problems;

    private sealed class ServerWithSdl(string sdl) : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton(_ => new SchemaRules(sdl)));
    }
}
