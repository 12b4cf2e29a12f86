using System.Net;
using GraphQlRegistry.Api.Tests.Execution.Limits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Http;

/// <summary>Issue 8, finding 1: documents over a limit are refused before validation, with one code.</summary>
[Collection(SharedServer.Name)]
public sealed class QueryLimitsTests(RegistryServer server)
{
    private async Task<string> CitizenTokenAsync() =>
        RegistryServer.CitizenToken(await server.RegistryAsync(db => db.Citizens.Select(c => c.PersonalId).FirstAsync()));

    [Theory]
    [InlineData(30)]
    [InlineData(20)]
    public async Task FragmentBomb_FromACitizen_Is400QueryTooComplex(int n)
    {
        var reply = await server.QueryAsync(await CitizenTokenAsync(), DocumentLimitsTests.FragmentBomb(n));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", Assert.Single(reply.Errors).Code);
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task NestingPastTheParser_Is400QueryTooComplex()
    {
        var deep = "{ " + string.Concat(Enumerable.Repeat("me { father { ", 100)) + "personalId" + new string('}', 200) + " }";
        var reply = await server.QueryAsync(await CitizenTokenAsync(), deep);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", Assert.Single(reply.Errors).Code);
    }

    [Fact]
    public async Task DeepIntrospection_Is400WithOnlyQueryTooComplex()
    {
        var deep = "{ __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 12)) + "{ name }" + new string('}', 12) + " } } } }";
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), deep);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", Assert.Single(reply.Errors).Code);
    }

    [Fact]
    public async Task SixteenAliases_Are400QueryTooComplex()
    {
        var query = "{ me { " + string.Concat(Enumerable.Range(0, 16).Select(i => $"a{i}: fullName ")) + "} }";
        var reply = await server.QueryAsync(await CitizenTokenAsync(), query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", Assert.Single(reply.Errors).Code);
    }

    [Fact]
    public async Task StandardIntrospectionQuery_IsServed()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), IntrospectionQuery.Text);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Body.GetRawText());
        Assert.Empty(reply.Errors);
        Assert.True(reply.Data.GetProperty("__schema").GetProperty("types").GetArrayLength() > 10);
    }

    [Fact]
    public async Task RefusalByLimit_LeavesOneEntryWithItsCode()
    {
        var reply = await server.QueryAsync(await CitizenTokenAsync(), DocumentLimitsTests.FragmentBomb(30));
        var entries = await server.LogAsync(db => db.Entries.Where(e => e.RequestId == reply.RequestId).Select(e => e.Reason).ToListAsync());
        Assert.Equal("QUERY_TOO_COMPLEX", Assert.Single(entries));
    }
}

/// <summary>A response carries at most <c>Registry:Limits:MaxErrors</c> errors, then one <c>ERRORS_TRUNCATED</c>.</summary>
public sealed class ErrorCapTests(ErrorCapTests.TwoErrorServer server) : IClassFixture<ErrorCapTests.TwoErrorServer>
{
    [Fact]
    public async Task ThreeDeniedFields_UnderACapOfTwo_AreTwoErrorsAndTheTruncation()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ religion ethnicity bloodType }} }}");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(new[] { "FIELD_NOT_ENTITLED", "FIELD_NOT_ENTITLED", "ERRORS_TRUNCATED" }, reply.Errors.Select(e => e.Code));
    }

    public sealed class TwoErrorServer : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder) => builder.UseSetting("Registry:Limits:MaxErrors", "2");
    }
}
