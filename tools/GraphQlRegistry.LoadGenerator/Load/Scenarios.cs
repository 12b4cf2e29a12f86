using System.Text.Json;
using GraphQlRegistry.Api.Authentication;
using GraphQlRegistry.Api.Citizens;
using GraphQlRegistry.Api.Hosting;

namespace GraphQlRegistry.LoadGenerator.Load;

/// <summary>One request to send: the bearer token and the JSON body.</summary>
public readonly record struct LoadRequest(string Token, byte[] Body);

/// <summary>A named stream of requests; each worker draws from it with its own random source.</summary>
public sealed record Scenario(string Name, string Description, Func<Random, LoadRequest> Next);

/// <summary>
/// The scenarios of issue 12, each drawing its citizens at random from the whole registry (or the whole log), with
/// tokens minted with the server's key as the <c>registry token</c> command mints them.
/// </summary>
public sealed class Scenarios(RegistrySettings settings, IReadOnlyList<string> personalIds)
{
    public const int PageSize = 500;
    private const int CitizenCallers = 2_000;

    /// <summary>The peer's KYC query, character for character (../shared/peer-apollo/kyc-query.graphql).</summary>
    public const string KycQuery = "query Kyc($personalId: ID!) {\n  citizen(personalId: $personalId) {\n    personalId\n    fullName\n    dateOfBirth\n    sex\n    nationality\n    placeOfOrigin\n" +
        "    permanentAddress { provinceCode province district commune street }\n    currentAddress { provinceCode province district commune street }\n  }\n}\n";

    public const string PageQuery = "query Page($after: String) { citizens(first: 500, after: $after) { edges { node { personalId fullName dateOfBirth sex nationality " +
        "placeOfOrigin birthRegistrationPlace maritalStatus dateOfDeath permanentAddress { provinceCode province district commune street } " +
        "currentAddress { provinceCode province district commune street } father { personalId fullName } mother { personalId fullName } " +
        "spouse { personalId fullName } householdHead { relationship } } } pageInfo { hasNextPage endCursor } } }";

    public const string OwnRecordQuery = "query Mine { me { personalId fullName dateOfBirth currentAddress { province street } } " +
        "myAccessHistory(first: 20) { edges { node { time organizationName organizationType field decision purpose } } pageInfo { hasNextPage endCursor } } }";

    private const string LogEntryFields = "edges { node { sequence time requestId organizationId organizationType field decision } } pageInfo { hasNextPage endCursor }";

    /// <summary>S1: a credit institution's KYC lookup of a random citizen (8 fields, 18 log entries).</summary>
    public Scenario Kyc()
    {
        var token = Organization("demo-credit-institution", "KYC onboarding");
        return new Scenario("S1", "KYC lookup by a credit institution: 8 fields, 18 entries, a random citizen",
            random => new LoadRequest(token, Body(KycQuery, new { personalId = RandomId(random) })));
    }

    /// <summary>S2: a state agency reading a random page of 500 citizens, 15 fields each (relatives included).</summary>
    public Scenario Pages()
    {
        var token = Organization("demo-state-agency", "Population statistics");
        var pages = Math.Max(1, personalIds.Count / PageSize);
        return new Scenario("S2", "a state agency reading a random page of 500 citizens x 15 fields",
            random => new LoadRequest(token, Body(PageQuery, new { after = random.Next(pages) is var page and > 0 ? OffsetCursor.Encode(page * PageSize) : null })));
    }

    /// <summary>S3: a random citizen (out of 2,000 drawn from the registry) reading their record and their access history.</summary>
    public Scenario OwnRecord()
    {
        var seeded = new Random(12);
        var tokens = Enumerable.Range(0, CitizenCallers).Select(_ => Citizen(personalIds[seeded.Next(personalIds.Count)])).ToArray();
        return new Scenario("S3", "a citizen's me + myAccessHistory(first: 20)",
            random => new LoadRequest(tokens[random.Next(tokens.Length)], Body(OwnRecordQuery, new { })));
    }

    /// <summary>S4: one auditor query over the log, by name; <paramref name="logCitizen"/> draws a citizen the log has entries about.</summary>
    public IReadOnlyList<Scenario> Audit(Func<Random, string> logCitizen)
    {
        var token = Auditor();
        Scenario Fixed(string name, string description, string query) => new(name, description, _ => new LoadRequest(token, Body(query, new { })));
        Scenario Stats(string dimensions) => Fixed($"S4 accessStats {dimensions}", $"an auditor's accessStats(groupBy: [{dimensions}]) over the whole log",
            $"{{ accessStats(groupBy: [{dimensions}]) {{ organizationId organizationType field decision day count }} }}");
        Scenario Log(string name, string filter) => Fixed($"S4 accessLog {name}", $"an auditor's newest 50 entries where {{ {filter} }}",
            $"{{ accessLog(where: {{ {filter} }}, first: 50) {{ {LogEntryFields} }} }}");
        return
        [
            Stats("ORGANIZATION"), Stats("ORGANIZATION_TYPE"), Stats("FIELD"), Stats("DECISION"), Stats("DAY"), Stats("ORGANIZATION, FIELD"),
            new Scenario("S4 accessLog by citizen", "an auditor's newest 50 entries about a random citizen of the log", random => new LoadRequest(token,
                Body($"query ByCitizen($id: ID!) {{ accessLog(where: {{ personalId: $id }}, first: 50) {{ {LogEntryFields} }} }}", new { id = logCitizen(random) }))),
            Log("by field", "field: \"Citizen.religion\""),
            Log("by field with no entries", "field: \"Citizen.bloodType\""),
            Log("by organization", "organizationId: \"demo-telecom-provider\""),
            Log("by decision", "decision: DENIED"),
            Log("by organization type and field", "organizationType: NOTARY_ORGANIZATION, field: \"Citizen.maritalStatus\""),
        ];
    }

    private string RandomId(Random random) => personalIds[random.Next(personalIds.Count)];

    private static byte[] Body(string query, object variables) => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    private string Organization(string organizationId, string purpose) => Mint(new()
    {
        [RegistryClaims.Subject] = "load-" + organizationId, [RegistryClaims.OrganizationId] = organizationId,
        [RegistryClaims.Channel] = "NATIONAL_PORTAL", [RegistryClaims.Purpose] = purpose,
    });

    private string Citizen(string personalId) => Mint(new()
    {
        [RegistryClaims.Subject] = "citizen", [RegistryClaims.PersonalId] = personalId, [RegistryClaims.Channel] = "NATIONAL_PORTAL",
    });

    private string Auditor() => Mint(new() { [RegistryClaims.Subject] = "load-auditor", [RegistryClaims.Roles] = new[] { RegistryClaims.AuditorRole }, [RegistryClaims.Purpose] = "Audit" });

    private string Mint(Dictionary<string, object> claims) =>
        DevelopmentTokens.Mint(settings.JwtSigningKey, settings.Options.Jwt.Issuer, settings.Options.Jwt.Audience, claims, TimeSpan.FromHours(3));
}
