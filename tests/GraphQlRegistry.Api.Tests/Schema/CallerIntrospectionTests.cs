using Microsoft.AspNetCore.Hosting;

namespace GraphQlRegistry.Api.Tests.Schema;

/// <summary>With <c>Registry:Security:Introspection = Caller</c>, introspection shows each caller what its own SDL shows.</summary>
public sealed class CallerIntrospectionTests(CallerIntrospectionTests.CallerViewServer server) : IClassFixture<CallerIntrospectionTests.CallerViewServer>
{
    private const string Introspection = """
        { __schema { queryType { name } types { name fields { name } inputFields { name } enumValues { name } } directives { name } } }
        """;

    [Fact]
    public async Task Bank_IntrospectsNoFieldItMayNeverRead()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), Introspection);

        var text = reply.Data.GetRawText();
        Assert.Contains("\"fullName\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("religion", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"accessLog\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"entitled\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateAgencyGrantedByTheNpdHead_IntrospectsItsSensitiveFieldsAndFilters()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), Introspection);

        var types = reply.Data.GetProperty("__schema").GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Contains(types["Citizen"].GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "religion");
        Assert.Contains(types["CitizenFilter"].GetProperty("inputFields").EnumerateArray(), f => f.GetProperty("name").GetString() == "religion");
        Assert.Contains(types["CitizenOrderField"].GetProperty("enumValues").EnumerateArray(), v => v.GetProperty("name").GetString() == "RELIGION");
    }

    public sealed class CallerViewServer : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:Security:Introspection", "Caller");
    }
}
