using GraphQlRegistry.AccessLog.Entries;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.AccessLog;

/// <summary>Issue 8, findings 3, 5 and 6 over HTTP: every caller-controlled value reaches the log cleaned.</summary>
[Collection(SharedServer.Name)]
public sealed class CallerTextInLogTests(RegistryServer server)
{
    private Task<List<AccessLogEntry>> EntriesOf(string requestId) =>
        server.LogAsync(db => db.Entries.Where(e => e.RequestId == requestId).ToListAsync());

    [Fact]
    public async Task UnknownOrganizationClaimHoldingAnId_IsLoggedRedacted()
    {
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("001085123456"), "{ myEntitlements { grantId } }");
        Assert.Equal("NO_VALID_GRANT", Assert.Single(reply.Errors).Code);
        Assert.Equal(CallerText.Replacement, Assert.Single(await EntriesOf(reply.RequestId!)).OrganizationId);
    }

    [Fact]
    public async Task LongPurpose_IsCutToItsCapInEveryEntry()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-credit-institution", purpose: new string('p', 15_000)),
            $"{{ citizen(personalId: \"{citizen.PersonalId}\") {{ fullName dateOfBirth }} }}");
        var entries = await EntriesOf(reply.RequestId!);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(CallerText.PurposeMaxLength, e.Purpose!.Length));
    }

    [Fact]
    public async Task SeparatedIdsAndControlCharacters_AreCleanedInOperationNameSubjectPurposeAndPath()
    {
        var citizen = await server.CitizenWithFamilyAsync();
        var token = RegistryServer.Token(new Dictionary<string, object>
        {
            ["sub"] = "svc\n0792 0300 4567", ["org_id"] = "demo-credit-institution", ["channel"] = "NATIONAL_PORTAL",
            ["purpose"] = "KYC \u001B[2J 0792-0300-4567 and\u2028 \uFF10\uFF17\uFF19\uFF12\uFF10\uFF13\uFF10\uFF10\uFF14\uFF15\uFF16\uFF17",
        });
        var reply = await server.QueryAsync(token, $"query Q_0010_9989_1208 {{ a_0010_9989_1208: citizen(personalId: \"{citizen.PersonalId}\") {{ fullName }} }}");
        Assert.Empty(reply.Errors);

        var entries = await EntriesOf(reply.RequestId!);
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.Equal("Q_[redacted]", e.OperationName);
            Assert.Equal("svc\\u000A[redacted]", e.Subject);
            Assert.Equal("KYC \\u001B[2J [redacted] and\\u2028 [redacted]", e.Purpose);
            Assert.Equal("a_[redacted].fullName", e.Path);
        });
    }
}
