using System.Net;
using System.Text.Json;
using GraphQlRegistry.AccessLog.Flags;
using GraphQlRegistry.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Flags;

/// <summary>A citizen flags a request of their own history; nobody flags anyone else's; auditors see the flags.</summary>
public sealed class AccessFlaggingTests(RegistryServer server) : IClassFixture<RegistryServer>
{
    private const string Flag = "mutation($id: ID!, $kind: AccessFlagKind!, $reason: String) { flagAccess(requestId: $id, kind: $kind, reason: $reason) { requestId kind reason citizenRef flaggedInRequestId } }";

    [Fact]
    public async Task Citizen_FlagsABanksRead_AndAuditorSeesTheFlagOnEveryEntryOfThatRequest()
    {
        var citizen = await CitizenAsync(0);
        var read = await BankReadsAsync(citizen);

        var flag = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), Flag, new { id = read.RequestId, kind = "NOT_REQUESTED", reason = "I never opened an account there" });
        Assert.True(flag.Errors.Count == 0, flag.Body.GetRawText());
        Assert.Equal("NOT_REQUESTED", flag.Data.GetProperty("flagAccess").GetProperty("kind").GetString());
        Assert.Equal(flag.RequestId, flag.Data.GetProperty("flagAccess").GetProperty("flaggedInRequestId").GetString());

        var log = await server.QueryAsync(RegistryServer.AuditorToken(),
            "query($id: ID) { accessLog(where: { personalId: $id, organizationId: \"demo-credit-institution\" }, first: 100) { nodes { requestId flags { kind reason } } } }", new { id = citizen.PersonalId });
        var entries = log.Data.GetProperty("accessLog").GetProperty("nodes").EnumerateArray().Where(e => e.GetProperty("requestId").GetString() == read.RequestId).ToList();
        Assert.Equal(4, entries.Count); // fullName, religion (denied), currentAddress and its province
        Assert.All(entries, e => Assert.Equal("I never opened an account there", Assert.Single(e.GetProperty("flags").EnumerateArray()).GetProperty("reason").GetString()));

        var history = await HistoryAsync(citizen);
        Assert.All(history.Where(e => e.GetProperty("requestId").GetString() == read.RequestId),
            e => Assert.Equal("NOT_REQUESTED", Assert.Single(e.GetProperty("flags").EnumerateArray()).GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Citizen_CannotFlagAnotherCitizensRequestOrAnUnknownOne_AndGetsTheSameAnswerForBoth()
    {
        var victim = await CitizenAsync(1);
        var other = await CitizenAsync(2);
        var read = await BankReadsAsync(victim);

        var othersRequest = await server.QueryAsync(RegistryServer.CitizenToken(other.PersonalId), Flag, new { id = read.RequestId, kind = "NOT_AGREED" });
        var unknown = await server.QueryAsync(RegistryServer.CitizenToken(other.PersonalId), Flag, new { id = Guid.NewGuid().ToString("N"), kind = "NOT_AGREED" });

        Assert.Equal([("REQUEST_NOT_IN_HISTORY", "flagAccess")], othersRequest.Errors);
        Assert.Equal([("REQUEST_NOT_IN_HISTORY", "flagAccess")], unknown.Errors);
        Assert.Equal(JsonValueKind.Null, othersRequest.Data.ValueKind);
        Assert.False(await server.LogAsync(db => db.Flags.AnyAsync(f => f.RequestId == read.RequestId)));
    }

    [Theory]
    [InlineData("org")]
    [InlineData("auditor")]
    [InlineData("officer")]
    public async Task NonCitizenCaller_CannotFlag(string caller)
    {
        var citizen = await CitizenAsync(3);
        var read = await BankReadsAsync(citizen);
        var token = caller switch
        {
            "org" => RegistryServer.OrganizationToken("demo-credit-institution"),
            "auditor" => RegistryServer.AuditorToken(),
            _ => RegistryServer.OfficerToken("NPD_AGENCY_HEAD", null),
        };

        var reply = await server.QueryAsync(token, Flag, new { id = read.RequestId, kind = "NOT_REQUESTED" });

        Assert.Contains(reply.Errors, e => e.Code == "QUERY_NOT_PERMITTED");
        Assert.False(await server.LogAsync(db => db.Flags.AnyAsync(f => f.RequestId == read.RequestId)));
    }

    [Fact]
    public async Task Reason_LongerThanTheCap_IsRefusedAndNothingIsStored()
    {
        var citizen = await CitizenAsync(4);
        var read = await BankReadsAsync(citizen);

        var reply = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), Flag,
            new { id = read.RequestId, kind = "NOT_AGREED", reason = new string('x', AccessFlag.ReasonMaxLength + 1) });
        var atCap = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), Flag,
            new { id = read.RequestId, kind = "NOT_AGREED", reason = new string('x', AccessFlag.ReasonMaxLength) });

        Assert.Equal([("INVALID_ARGUMENT", "flagAccess")], reply.Errors);
        Assert.True(atCap.Errors.Count == 0, atCap.Body.GetRawText());
        Assert.Equal(1, await server.LogAsync(db => db.Flags.CountAsync(f => f.RequestId == read.RequestId)));
    }

    [Fact]
    public async Task Reason_HasPersonalIdsAndControlCharactersRemoved()
    {
        var citizen = await CitizenAsync(5);
        var read = await BankReadsAsync(citizen);

        var reply = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), Flag,
            new { id = read.RequestId, kind = "NOT_AGREED", reason = $"they used my id {citizen.PersonalId[..4]} {citizen.PersonalId[4..]}\u001b[2J\nfake line" });

        var stored = await server.LogAsync(db => db.Flags.SingleAsync(f => f.RequestId == read.RequestId));
        Assert.True(reply.Errors.Count == 0, reply.Body.GetRawText());
        Assert.Equal("they used my id [redacted]\\u001B[2J\\u000Afake line", stored.Reason);
        Assert.DoesNotContain(citizen.PersonalId, reply.Body.GetRawText());
    }

    [Fact]
    public async Task Flagging_IsLoggedUnderTheCitizen_AndSoIsARefusedAttempt()
    {
        var citizen = await CitizenAsync(6);
        var read = await BankReadsAsync(citizen);
        var flag = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), Flag, new { id = read.RequestId, kind = "NOT_REQUESTED", reason = "not me" });
        var refused = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId), Flag, new { id = "not-a-request", kind = "NOT_REQUESTED" });

        var log = await server.QueryAsync(RegistryServer.AuditorToken(),
            "query($id: ID) { accessLog(where: { personalId: $id, field: \"Mutation.flagAccess\" }) { nodes { requestId path decision reason organizationType } } }", new { id = citizen.PersonalId });
        var entries = log.Data.GetProperty("accessLog").GetProperty("nodes").EnumerateArray().ToList();

        var done = Assert.Single(entries, e => e.GetProperty("requestId").GetString() == flag.RequestId);
        Assert.Equal($"flagAccess({read.RequestId}, NOT_REQUESTED)", done.GetProperty("path").GetString());
        Assert.Equal("CITIZEN", done.GetProperty("organizationType").GetString());
        var denied = Assert.Single(entries, e => e.GetProperty("requestId").GetString() == refused.RequestId);
        Assert.Equal(("DENIED", "REQUEST_NOT_IN_HISTORY"), (denied.GetProperty("decision").GetString(), denied.GetProperty("reason").GetString()));
        Assert.DoesNotContain("not me", log.Body.GetRawText());
    }

    [Fact]
    public async Task History_MarksARelativesReadOfTheCallersName_AndNotTheCallersOwnRelativeFields()
    {
        var child = await server.CitizenWithFamilyAsync();
        var read = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"), $"{{ citizen(personalId: \"{child.PersonalId}\") {{ father {{ personalId fullName }} }} }}");
        Assert.True(read.Errors.Count == 0, read.Body.GetRawText());

        var father = await server.RegistryAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.PersonalId == child.FatherId));
        var fathers = (await HistoryAsync(father)).Where(e => e.GetProperty("requestId").GetString() == read.RequestId).ToList();
        var childs = (await HistoryAsync(child)).Where(e => e.GetProperty("requestId").GetString() == read.RequestId).ToList();

        Assert.Equal(["Relative.fullName", "Relative.personalId"], fathers.Select(e => e.GetProperty("field").GetString()).Order());
        Assert.All(fathers, e => Assert.True(e.GetProperty("throughRelative").GetBoolean()));
        Assert.Equal(["Citizen.father", "Relative.fullName", "Relative.personalId"], childs.Select(e => e.GetProperty("field").GetString()).Order());
        Assert.All(childs, e => Assert.False(e.GetProperty("throughRelative").GetBoolean()));
    }

    [Fact]
    public async Task History_TellsARelativesReadFromTheirOwnRecord_InOneRequest_UnderAliases()
    {
        var child = await server.CitizenWithFamilyAsync();
        var read = await server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"),
            $"{{ dad: citizen(personalId: \"{child.FatherId}\") {{ fullName }} kid: citizen(personalId: \"{child.PersonalId}\") {{ papa: father {{ personalId fullName }} }} }}");
        Assert.True(read.Errors.Count == 0, read.Body.GetRawText());

        var father = await server.RegistryAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.PersonalId == child.FatherId));
        var fathers = (await HistoryAsync(father)).Where(e => e.GetProperty("requestId").GetString() == read.RequestId)
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("throughRelative").GetBoolean())).Order().ToList();

        Assert.Equal([("Citizen.fullName", false), ("Relative.fullName", true), ("Relative.personalId", true)], fathers);
    }

    [Fact]
    public async Task History_GivesEachEntrysRequestMaskAndGrant()
    {
        var citizen = await CitizenAsync(7);
        var read = await BankReadsAsync(citizen);

        var entries = (await HistoryAsync(citizen)).Where(e => e.GetProperty("requestId").GetString() == read.RequestId).ToList();

        var address = Assert.Single(entries, e => e.GetProperty("field").GetString() == "Citizen.currentAddress");
        Assert.Equal(("MASKED", "PARTIAL", "CREDIT_INSTITUTION"), (address.GetProperty("decision").GetString(), address.GetProperty("mask").GetString(), address.GetProperty("organizationType").GetString()));
        Assert.StartsWith("grant-", address.GetProperty("grantId").GetString());
        Assert.Equal("DISTRICT_POLICE_CHIEF", address.GetProperty("grantAuthority").GetString());
    }

    private Task<Citizen> CitizenAsync(int index) =>
        server.RegistryAsync(db => db.Citizens.AsNoTracking().OrderBy(c => c.PersonalId).Skip(100 + index).FirstAsync());

    private async Task<GraphQLReply> BankReadsAsync(Citizen citizen)
    {
        var read = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution", purpose: "KYC onboarding"),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName religion currentAddress {{ province }} }} }}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        return read;
    }

    private async Task<List<JsonElement>> HistoryAsync(Citizen citizen)
    {
        var reply = await server.QueryAsync(RegistryServer.CitizenToken(citizen.PersonalId),
            "{ myAccessHistory(first: 500) { nodes { requestId field decision mask organizationType grantId grantAuthority throughRelative flags { kind } } } }");
        Assert.True(reply.Errors.Count == 0, reply.Body.GetRawText());
        return reply.Data.GetProperty("myAccessHistory").GetProperty("nodes").EnumerateArray().ToList();
    }
}
