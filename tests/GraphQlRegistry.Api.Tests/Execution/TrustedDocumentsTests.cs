using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Execution;

/// <summary>With <c>RequireTrustedDocuments</c>, an organisation runs only the documents it registered; the rest are refused and logged.</summary>
public sealed class TrustedDocumentsTests(TrustedDocumentsTests.TrustingServer server) : IClassFixture<TrustedDocumentsTests.TrustingServer>
{
    private const string Kyc = "query Kyc($id: ID!) { citizen(personalId: $id) { fullName dateOfBirth } }";

    [Fact]
    public async Task RegisteredDocument_Runs()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), Kyc, new { id = citizen.PersonalId });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(citizen.FullName, reply.Data.GetProperty("citizen").GetProperty("fullName").GetString());
    }

    [Theory]
    [InlineData("demo-credit-institution", "query Kyc($id: ID!) { citizen(personalId: $id) { fullName dateOfBirth placeOfOrigin } }")]
    [InlineData("demo-telecom-provider", Kyc)]
    public async Task UnregisteredDocument_IsRefusedBeforeExecutionAndLogged(string organization, string document)
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(RegistryServer.OrganizationToken(organization), document, new { id = citizen.PersonalId });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("DOCUMENT_NOT_TRUSTED", Assert.Single(reply.Errors).Code);
        Assert.False(reply.HasData);
        var entry = await server.LogAsync(db => db.Entries.SingleAsync(e => e.RequestId == reply.RequestId));
        Assert.Equal((organization, "DOCUMENT_NOT_TRUSTED"), (entry.OrganizationId, entry.Reason));
    }

    [Fact]
    public async Task Citizen_IsNotHeldToRegisteredDocuments()
    {
        var citizen = await server.CitizenWithFamilyAsync();

        var reply = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), "{ me { fullName } }");

        Assert.Equal(citizen.FullName, reply.Data.GetProperty("me").GetProperty("fullName").GetString());
    }

    public sealed class TrustingServer : RegistryServer
    {
        protected override void ConfigureOverrides(IWebHostBuilder builder)
        {
            var folder = Directory.CreateDirectory(Path.Combine(DataDirectory, "trusted-documents", "demo-credit-institution"));
            File.WriteAllText(Path.Combine(folder.FullName, "kyc.graphql"), Kyc);
            builder.UseSetting("Registry:Security:RequireTrustedDocuments", "true");
        }
    }
}
