using System.Net;

namespace GraphQlRegistry.Api.Tests.Authentication;

/// <summary>Issue 8, finding 7: a signed token that is ambiguous or lives too long is 401 <c>UNAUTHENTICATED</c>.</summary>
[Collection(SharedServer.Name)]
public sealed class AmbiguousTokenTests(RegistryServer server)
{
    private const string Query = "{ myEntitlements { grantId } }";
    private const string Organization = "\"org_id\":\"demo-state-agency\",\"channel\":\"NATIONAL_PORTAL\"";

    [Fact]
    public async Task WellFormedHandMintedToken_IsServed()
    {
        var reply = await server.QueryAsync(HandMintedToken.Sign(HandMintedToken.Payload($"\"sub\":\"svc\",{Organization}")), Query);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(reply.Errors);
    }

    [Theory]
    [InlineData("array org_id", "\"sub\":\"svc\",\"org_id\":[\"demo-credit-institution\",\"demo-state-agency\"],\"channel\":\"NATIONAL_PORTAL\"")]
    [InlineData("duplicated org_id", "\"sub\":\"svc\",\"org_id\":\"demo-credit-institution\",\"org_id\":\"demo-state-agency\",\"channel\":\"NATIONAL_PORTAL\"")]
    [InlineData("array channel", "\"sub\":\"svc\",\"org_id\":\"demo-state-agency\",\"channel\":[\"NATIONAL_PORTAL\",\"SMS\"]")]
    [InlineData("array personal_id", "\"sub\":\"c\",\"personal_id\":[\"001085123456\"],\"channel\":\"NATIONAL_PORTAL\"")]
    [InlineData("array authority", "\"sub\":\"o\",\"authority\":[\"NPD_AGENCY_HEAD\"]")]
    [InlineData("duplicated channel", "\"sub\":\"svc\",\"org_id\":\"demo-state-agency\",\"channel\":\"SMS\",\"channel\":\"NATIONAL_PORTAL\"")]
    [InlineData("no sub", Organization)]
    [InlineData("empty sub", "\"sub\":\"\"," + Organization)]
    [InlineData("array sub", "\"sub\":[\"a\",\"b\"]," + Organization)]
    public async Task AmbiguousClaims_Are401(string because, string claims)
    {
        var reply = await server.QueryAsync(HandMintedToken.Sign(HandMintedToken.Payload(claims)), Query);
        Assert.True(reply.Status == HttpStatusCode.Unauthorized, because);
        Assert.Equal("UNAUTHENTICATED", Assert.Single(reply.Errors).Code);
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task ExpiryInTheYear9999_Is401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $"{{\"iss\":\"graphql-registry-dev\",\"aud\":\"graphql-registry\",\"iat\":{now},\"nbf\":{now},\"exp\":253402300799,\"sub\":\"svc\",{Organization}}}";
        var reply = await server.QueryAsync(HandMintedToken.Sign(payload), Query);
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(25, false)]
    [InlineData(23, true)]
    [InlineData(23, false)]
    public async Task LifetimeOverTheMaximum_Is401(int hours, bool withIssuedAt)
    {
        var token = HandMintedToken.Sign(HandMintedToken.Payload($"\"sub\":\"svc\",{Organization}", TimeSpan.FromHours(hours), withIssuedAt));
        var reply = await server.QueryAsync(token, Query);
        Assert.Equal(hours > 24 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, reply.Status);
    }

    [Fact]
    public async Task IssuedLongAgoAndExpiringLate_Is401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $"{{\"iss\":\"graphql-registry-dev\",\"aud\":\"graphql-registry\",\"iat\":{now - 30 * 3600},\"nbf\":{now - 30 * 3600},\"exp\":{now + 600},\"sub\":\"svc\",{Organization}}}";
        var reply = await server.QueryAsync(HandMintedToken.Sign(payload), Query);
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }
}
