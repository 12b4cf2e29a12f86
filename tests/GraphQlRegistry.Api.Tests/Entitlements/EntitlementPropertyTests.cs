using System.Text;
using System.Text.Json;
using CsCheck;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.Api.Tests.Entitlements;

/// <summary>
/// Random callers × random valid citizen queries (aliases, named and inline fragments, nested selections), checked
/// against an oracle written from SPEC §3 (<see cref="EntitlementMatrixTests.SpecMatrix"/> and the masks as SPEC words
/// them), never from the server's rules: nothing revealed beyond entitlement, masks exact, every revealed or masked
/// field in the access log with its decision. Fixed seed; a failure names the seed, the case and the query.
/// </summary>
public sealed class EntitlementPropertyTests(RegistryServer server) : IClassFixture<RegistryServer>
{
    private const ulong Seed = 20261201;
    private const int Cases = 2000;
    private static readonly CitizenPseudonym Pseudonym = new(RegistryServer.PseudonymKey);

    private static readonly Dictionary<string, string[]> Subfields = new()
    {
        ["permanentAddress"] = ["provinceCode", "province", "district", "commune", "street"],
        ["currentAddress"] = ["provinceCode", "province", "district", "commune", "street"],
        ["father"] = ["personalId", "fullName"],
        ["mother"] = ["personalId", "fullName"],
        ["spouse"] = ["personalId", "fullName"],
    };

    private static readonly string[] Fields = [.. EntitlementMatrixTests.SpecMatrix.Keys];

    private readonly Dictionary<string, JsonElement> _clear = [];

    [Fact]
    public async Task RandomCallersAndQueries_RevealNothingBeyondTheSpecAndLogEveryDisclosure()
    {
        var citizens = await server.RegistryAsync(db => db.Citizens.AsNoTracking()
            .Where(c => c.FatherId != null).OrderBy(c => c.PersonalId).Select(c => c.PersonalId).Take(40).ToListAsync());
        var gen = Gen.Select(Gen.Enum<OrganizationType>(), Gen.Int[0, citizens.Count - 1], Item.Gen.Array[1, 6]);
        var random = new PCG(1, Seed);
        for (var n = 0; n < Cases; n++)
        {
            var (type, citizenIndex, items) = gen.Generate(random, null, out _);
            var query = Query(items);
            try
            {
                await CheckAsync(type, citizens[citizenIndex], items, query);
            }
            catch (Exception failure)
            {
                throw new InvalidOperationException($"Seed {Seed}, case {n}: {type} reading {citizens[citizenIndex][..3]}… with {query}", failure);
            }
        }
    }

    private async Task CheckAsync(OrganizationType type, string personalId, Item[] items, string query)
    {
        var clear = await ClearAsync(personalId);
        var token = type == OrganizationType.Citizen ? RegistryServer.CitizenToken(personalId) : RegistryServer.OrganizationToken(DemoOrganizations.IdOf(type));
        var reply = await server.QueryAsync(token, query, new { id = personalId });
        var logged = (await server.LogAsync(db => db.Entries.Where(e => e.RequestId == reply.RequestId).ToListAsync()))
            .Where(e => e.CitizenRef == Pseudonym.Of(personalId)).ToDictionary(e => e.Path!, e => e.Decision.ToString().ToUpperInvariant());
        var record = reply.Data.GetProperty("record");
        foreach (var item in items.DistinctBy(i => i.Key))
        {
            var rule = EntitlementMatrixTests.SpecMatrix[item.Field][EntitlementMatrixTests.Column(type)];
            var value = record.GetProperty(item.Key);
            var path = "record." + item.Key;
            switch (rule)
            {
                case '.':
                    Assert.Equal(JsonValueKind.Null, value.ValueKind);
                    Assert.Contains(("FIELD_NOT_ENTITLED", path), reply.Errors);
                    Assert.Equal("DENIED", logged[path]);
                    break;
                default:
                    Assert.DoesNotContain(reply.Errors, e => e.Path.StartsWith(path, StringComparison.Ordinal));
                    Assert.Equal(rule == 'N' ? "REVEALED" : "MASKED", logged[path]);
                    CheckValue(item, clear.GetProperty(item.Field), value, rule == 'P', path, logged);
                    break;
            }
        }
    }

    private static void CheckValue(Item item, JsonElement clear, JsonElement value, bool masked, string path, Dictionary<string, string> logged)
    {
        if (clear.ValueKind == JsonValueKind.Null || item.Selected.Length == 0)
        {
            Assert.Equal(clear.GetRawText(), value.GetRawText());
            return;
        }

        foreach (var sub in item.Selected)
        {
            var expected = masked ? Mask(item.Field, sub, clear.GetProperty(sub)) : clear.GetProperty(sub).GetRawText();
            Assert.Equal(expected, value.GetProperty(sub).GetRawText());
            var shownClear = !masked || (Subfields[item.Field].Length == 5 && sub is "provinceCode" or "province");
            Assert.Equal(shownClear ? "REVEALED" : "MASKED", logged[$"{path}.{sub}"]);
        }
    }

    /// <summary>SPEC §3, as written: an address keeps its province; an id shows its last four digits; a name its initials.</summary>
    private static string Mask(string field, string sub, JsonElement clear) => (Subfields[field].Length, sub) switch
    {
        (5, "provinceCode" or "province") => clear.GetRawText(),
        (5, _) => "null",
        (_, "personalId") => JsonSerializer.Serialize("********" + clear.GetString()![8..]),
        _ => JsonSerializer.Serialize(string.Join(' ', clear.GetString()!.Split(' ') is var words ? words[..^1].Select(w => w[0] + ".").Append(words[^1]) : []),
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };

    /// <summary>The record as the specialized database agency (clear on every field) reads it.</summary>
    private async Task<JsonElement> ClearAsync(string personalId)
    {
        if (!_clear.TryGetValue(personalId, out var clear))
        {
            var all = string.Join(' ', Fields.Select(f => Subfields.TryGetValue(f, out var subs) ? $"{f} {{ {string.Join(' ', subs)} }}"
                : f == "householdHead" ? "householdHead { head { personalId fullName } relationship }" : f));
            var reply = await server.QueryAsync(RegistryServer.OrganizationToken("demo-specialized-database-agency"),
                $"query($id: ID!) {{ citizen(personalId: $id) {{ {all} }} }}", new { id = personalId });
            clear = _clear[personalId] = reply.Data.GetProperty("citizen");
        }

        return clear;
    }

    private static string Query(Item[] items)
    {
        var body = new StringBuilder();
        var fragments = new StringBuilder();
        for (var i = 0; i < items.Length; i++)
        {
            var selection = items[i].Selection();
            switch (items[i].Wrapper)
            {
                case 0:
                    body.Append(selection).Append(' ');
                    break;
                case 1:
                    body.Append($"...F{i} ");
                    fragments.Append($" fragment F{i} on Citizen {{ {selection} }}");
                    break;
                default:
                    body.Append($"... on Citizen {{ {selection} }} ");
                    break;
            }
        }

        return $"query Case($id: ID!) {{ record: citizen(personalId: $id) {{ {body}}} }}{fragments}";
    }

    /// <summary>
    /// One selected citizen field: always under its own alias (so no two selections need merging; at most six, within
    /// the alias limit), maybe inside a fragment, with a random subset of its subfields.
    /// </summary>
    private sealed record Item(string Field, int Wrapper, string[] Selected, int Id)
    {
        public static readonly Gen<Item> Gen = CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, Fields.Length - 1].Select(i => Fields[i]), CsCheck.Gen.Int[0, 2], CsCheck.Gen.Int[0, 4].Array[1, 5], CsCheck.Gen.Int[0, 9999],
            (field, wrapper, picks, id) => new Item(field, wrapper, SubSelection(field, picks), id));

        public string Key => $"k{Id}_{Field}";

        public string Selection() => Field switch
        {
            "householdHead" => $"{Key}: householdHead {{ head {{ personalId fullName }} relationship }}",
            _ when Selected.Length > 0 => $"{Key}: {Field} {{ {string.Join(' ', Selected)} }}",
            _ => $"{Key}: {Field}",
        };

        private static string[] SubSelection(string field, int[] picks) => Subfields.TryGetValue(field, out var subs)
            ? picks.Select(p => subs[p % subs.Length]).Distinct().ToArray()
            : [];
    }
}
