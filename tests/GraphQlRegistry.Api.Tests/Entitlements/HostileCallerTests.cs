using System.Net;
using GraphQlRegistry.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Entitlements;

[Collection(SharedServer.Name)]
public sealed class HostileCallerTests(RegistryServer server)
{
    [Fact]
    public async Task TokenClaimingAnotherOrganizationType_ChangesNothing()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var token = RegistryServer.Token(new Dictionary<string, object>
        {
            ["sub"] = "bank", ["org_id"] = "demo-credit-institution", ["channel"] = "NATIONAL_PORTAL",
            ["org_type"] = "STATE_AGENCY", ["type"] = "STATE_AGENCY", ["level"] = "CENTRAL",
        });
        var reply = await server.QueryAsync(token, $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ religion }} }}");
        Assert.Contains(("FIELD_NOT_ENTITLED", "citizen.religion"), reply.Errors);
    }

    [Theory]
    [InlineData("demo-expired")]
    [InlineData("demo-revoked")]
    [InlineData("demo-incompetent")]
    [InlineData("no-such-organization")]
    public async Task OrganizationWithoutValidGrant_Is403NoValidGrant(string organizationId)
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken(organizationId), "{ myEntitlements { grantId } }");
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("NO_VALID_GRANT", Assert.Single(reply.Errors).Code);
        Assert.False(reply.HasData);
    }

    [Theory]
    [InlineData("demo-credit-institution", "ONE_STOP_SYSTEM")]
    [InlineData("demo-state-agency", "MPS_APPROVED_CONNECTION")]
    [InlineData("demo-state-agency", "SMS")]
    [InlineData("demo-state-agency", "CARRIER_PIGEON")]
    public async Task WrongChannel_Is403ChannelNotPermitted(string organizationId, string channel)
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken(organizationId, channel), "{ myEntitlements { grantId } }");
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("CHANNEL_NOT_PERMITTED", Assert.Single(reply.Errors).Code);
    }

    [Fact]
    public async Task ScopedGrant_ReachesInsideItsUnitOnly()
    {
        var inside = await server.RegistryAsync(db => db.Citizens.Where(c => c.PermanentProvinceCode == "001").Select(c => c.PersonalId).FirstAsync());
        var outside = await server.RegistryAsync(db => db.Citizens.Where(c => c.PermanentProvinceCode != "001" && c.CurrentProvinceCode != "001").Select(c => c.PersonalId).FirstAsync());
        var token = RegistryServer.OrganizationToken("demo-provincial-agency");

        var allowed = await server.QueryAsync(token, $"{{ citizen(personalId: \"{inside}\") {{ fullName }} }}");
        Assert.Empty(allowed.Errors);
        Assert.NotNull(allowed.Data.GetProperty("citizen").GetProperty("fullName").GetString());

        var refused = await server.QueryAsync(token, $"{{ citizen(personalId: \"{outside}\") {{ fullName }} }}");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(("OUT_OF_JURISDICTION", "citizen"), Assert.Single(refused.Errors));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, refused.Data.GetProperty("citizen").ValueKind);

        var listed = await server.QueryAsync(token, "{ citizens(first: 500) { edges { node { permanentAddress { provinceCode } currentAddress { provinceCode } } } } }");
        Assert.True(listed.HasData, listed.Body.GetRawText());
        Assert.All(listed.Data.GetProperty("citizens").GetProperty("edges").EnumerateArray(), edge =>
        {
            var node = edge.GetProperty("node");
            Assert.True(node.GetProperty("permanentAddress").GetProperty("provinceCode").GetString() == "001"
                || node.GetProperty("currentAddress").GetProperty("provinceCode").GetString() == "001");
        });
    }

    [Theory]
    [InlineData("citizen(personalId: \"ID\") { fullName }", "citizen")]
    [InlineData("verifyIdentity(personalId: \"ID\", fullName: \"X\") { fullNameMatches }", "verifyIdentity")]
    public async Task ScopedCaller_GetsTheSameAnswerForAnUnknownIdAsForOneOutsideItsScope(string selection, string path)
    {
        var outside = await server.RegistryAsync(db => db.Citizens.Where(c => c.PermanentProvinceCode != "001" && c.CurrentProvinceCode != "001").Select(c => c.PersonalId).FirstAsync());
        var token = RegistryServer.OrganizationToken("demo-provincial-agency");

        var existing = await server.QueryAsync(token, "{ " + selection.Replace("ID", outside) + " }");
        var unknown = await server.QueryAsync(token, "{ " + selection.Replace("ID", "099999999999") + " }");
        Assert.Equal(("OUT_OF_JURISDICTION", path), Assert.Single(existing.Errors));
        Assert.Equal(existing.Errors, unknown.Errors);
        Assert.Equal(existing.Data.GetRawText(), unknown.Data.GetRawText());
    }

    [Fact]
    public async Task NationwideCaller_GetsNullWithoutErrorForAnUnknownId()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), "{ citizen(personalId: \"099999999999\") { fullName } }");
        Assert.Empty(reply.Errors);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reply.Data.GetProperty("citizen").ValueKind);
    }

    [Theory]
    [InlineData("{ citizens(where: { religion: \"Không\" }) { edges { cursor } } }")]
    [InlineData("{ citizens(order: [{ field: RELIGION }]) { edges { cursor } } }")]
    public async Task FilterOrOrderOnReligionByBank_IsRefusedBeforeExecution(string query)
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(reply.Errors, e => e.Code == "FIELD_NOT_ENTITLED");
        Assert.False(reply.HasData);
    }

    [Fact]
    public async Task FilterOnReligionThroughVariables_IsRefusedToo()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-telecom-provider"),
            "query($w: CitizenFilter) { citizens(where: $w) { edges { cursor } } }", new { w = new { religion = "Không" } });
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains(reply.Errors, e => e.Code == "FIELD_NOT_ENTITLED");
    }

    [Theory]
    [InlineData("query($w: CitizenFilter) { citizens(where: $w, first: 1) { edges { cursor } } }")]
    [InlineData("query($w: CitizenFilter) { ...Search } fragment Search on Query { people: citizens(where: $w, first: 1) { edges { cursor } } }")]
    public async Task DocumentValidatedForAStateAgency_IsStillRefusedForABank(string query)
    {
        var filter = new { w = new { religion = "Không" } };
        var agency = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), query, filter);
        Assert.Equal(HttpStatusCode.OK, agency.Status);

        var bank = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), query, filter);
        Assert.Equal(HttpStatusCode.BadRequest, bank.Status);
        Assert.Contains(bank.Errors, e => e.Code == "FIELD_NOT_ENTITLED");
    }

    [Fact]
    public async Task ListingByNonStateAgency_IsQueryNotPermitted()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), "{ citizens { edges { cursor } } }");
        Assert.Equal(("QUERY_NOT_PERMITTED", "citizens"), Assert.Single(reply.Errors));
    }

    [Theory]
    [InlineData("query($id: ID!) { citizen(personalId: $id) { faith: religion } }", "citizen.faith")]
    [InlineData("query($id: ID!) { citizen(personalId: $id) { ...F } } fragment F on Citizen { religion }", "citizen.religion")]
    [InlineData("query($id: ID!) { citizen(personalId: $id) { ... on Citizen { religion } } }", "citizen.religion")]
    [InlineData("query($id: ID!, $yes: Boolean!) { citizen(personalId: $id) { religion @include(if: $yes) } }", "citizen.religion")]
    public async Task DeniedField_StaysDeniedThroughAliasFragmentAndVariables(string query, string path)
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), query, new { id = citizen.PersonalId, yes = true });
        Assert.Contains(("FIELD_NOT_ENTITLED", path), reply.Errors);
        Assert.DoesNotContain(citizen.Religion!, reply.Body.GetRawText());
    }

    [Fact]
    public async Task CitizenReadingSomeoneElse_GetsNotOwnRecord()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), $"{{ citizen(personalId: \"{citizen.FatherId}\") {{ fullName }} }}");
        Assert.Equal(("NOT_OWN_RECORD", "citizen"), Assert.Single(reply.Errors));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("00100000000A")]
    [InlineData("0010000000001")]
    public async Task MalformedPersonalId_IsInvalidPersonalId(string id)
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), $"{{ citizen(personalId: \"{id}\") {{ fullName }} }}");
        Assert.Equal(("INVALID_PERSONAL_ID", "citizen"), Assert.Single(reply.Errors));
        Assert.DoesNotContain(id, reply.Body.GetRawText());
    }

    [Fact]
    public async Task BankQuery_NeverReadsTheReligionColumn()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        server.Sql.Clear();
        await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName religion ethnicity currentAddress {{ province street }} }} }}");
        var citizenSql = server.Sql.Commands.Where(sql => sql.Contains("FROM \"Citizens\"")).ToList();
        Assert.NotEmpty(citizenSql);
        Assert.Contains(citizenSql, sql => sql.Contains("\"FullName\""));
        Assert.DoesNotContain(citizenSql, sql => sql.Contains("\"Religion\"") || sql.Contains("\"Ethnicity\"") || sql.Contains("\"CurrentStreet\""));
    }

    [Fact]
    public async Task ListingWithParents_ReadsRelativesInOneBatch_NotOneQueryPerRow()
    {
        server.Sql.Clear();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"),
            "{ citizens(first: 100, order: [{ field: DATE_OF_BIRTH }]) { edges { node { fullName father { fullName } mother { fullName } householdHead { head { fullName } } } } } }");
        Assert.Empty(reply.Errors);
        Assert.Equal(100, reply.Data.GetProperty("citizens").GetProperty("edges").GetArrayLength());
        var citizenQueries = server.Sql.Commands.Count(sql => sql.Contains("FROM \"Citizens\""));
        Assert.InRange(citizenQueries, 2, 3);
    }

    [Fact]
    public async Task PerCallerSdl_LeavesOutWhatTheBankMayNeverRead()
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", RegistryServer.OrganizationToken("demo-credit-institution"));
        var sdl = await client.GetStringAsync("/graphql/sdl");
        var citizenType = sdl[sdl.IndexOf("type Citizen {", StringComparison.Ordinal)..];
        citizenType = citizenType[..citizenType.IndexOf('}')];
        Assert.Contains("fullName", citizenType);
        Assert.DoesNotContain("religion", citizenType);
        Assert.DoesNotContain("accessLog", sdl);
        Assert.DoesNotContain("@entitled", sdl);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "UNAUTHENTICATED")]
    [InlineData("demo-expired", HttpStatusCode.Forbidden, "NO_VALID_GRANT")]
    public async Task PerCallerSdl_IsRefusedWithoutAValidTokenAndGrant(string? organizationId, HttpStatusCode status, string code)
    {
        var client = server.CreateClient();
        if (organizationId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", RegistryServer.OrganizationToken(organizationId));
        }

        var reply = await GraphQLReply.ReadAsync(await client.GetAsync("/graphql/sdl"));
        Assert.Equal(status, reply.Status);
        Assert.Equal(code, Assert.Single(reply.Errors).Code);
        Assert.DoesNotContain("type Citizen", reply.Body.GetRawText());
    }

    [Fact]
    public async Task MyEntitlements_ListsTheBanksFieldsWithMasks()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution"), "{ myEntitlements { organizationType grantedBy fields { coordinate mask } } }");
        var fields = reply.Data.GetProperty("myEntitlements").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("coordinate").GetString()!, f => f.GetProperty("mask").GetString());
        Assert.Equal("PARTIAL", fields["Citizen.currentAddress"]);
        Assert.Equal("NONE", fields["Citizen.fullName"]);
        Assert.False(fields.ContainsKey("Citizen.religion"));
        Assert.Equal("DISTRICT_POLICE_CHIEF", reply.Data.GetProperty("myEntitlements").GetProperty("grantedBy").GetString());
    }

    [Fact]
    public async Task VerifyIdentity_MatchesWithoutRevealing()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-telecom-provider"),
            "query($id: ID!, $n: String, $d: DateOnly) { verifyIdentity(personalId: $id, fullName: $n, dateOfBirth: $d) { personalIdExists fullNameMatches dateOfBirthMatches } }",
            new { id = citizen.PersonalId, n = citizen.FullName, d = "1900-01-01" });
        var result = reply.Data.GetProperty("verifyIdentity");
        Assert.True(result.GetProperty("personalIdExists").GetBoolean());
        Assert.True(result.GetProperty("fullNameMatches").GetBoolean());
        Assert.False(result.GetProperty("dateOfBirthMatches").GetBoolean());
    }
}
