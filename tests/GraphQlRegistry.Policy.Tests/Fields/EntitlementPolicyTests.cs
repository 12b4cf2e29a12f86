using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Policy.Tests.Fields;

/// <summary>
/// The decision against a tiny reference model (Cedar's habit): for random rule sets, callers, authorities and
/// grants, <see cref="EntitlementPolicy.Decide"/> must agree with the rule written out plainly.
/// </summary>
public sealed class EntitlementPolicyTests
{
    private static readonly OrganizationType[] Types = Enum.GetValues<OrganizationType>();
    private static readonly GrantingAuthority[] Authorities = Enum.GetValues<GrantingAuthority>();

    [Fact]
    public void Decide_AgreesWithTheReferenceModel_OnRandomRules()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 5_000; trial++)
        {
            var rules = Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomRule(random)).ToList();
            var table = RuleTable.Create([new FieldRuleDefinition("Citizen.x", rules)]);
            var field = table["Citizen.x"];
            var caller = Types[random.Next(Types.Length)];
            var authority = Authorities[random.Next(Authorities.Length)];
            var listed = random.Next(4) > 0;
            var granted = listed ? table.Grant(["Citizen.x"]) : GrantedFields.None;

            var decision = EntitlementPolicy.Decide(caller, authority, granted, field);
            Assert.Equal(Reference(rules, caller, authority, listed), decision.Outcome);
            Assert.Equal(Reference(rules, caller, authority, listed: true) != FieldOutcome.Denied, EntitlementPolicy.Admits(caller, authority, field));
        }
    }

    private static FieldOutcome Reference(List<EntitlementRule> rules, OrganizationType caller, GrantingAuthority authority, bool listed)
    {
        var admitting = rules.Where(r => r.OrgTypes.Members.Contains(caller) && (r.GrantedBy is null || r.GrantedBy.Value.Members.Contains(authority))).ToList();
        if (!listed || admitting.Count == 0)
        {
            return FieldOutcome.Denied;
        }

        return admitting.Any(r => r.Mask == FieldMask.None) ? FieldOutcome.Revealed : FieldOutcome.Masked;
    }

    private static EntitlementRule RandomRule(Random random) => new(
        OrganizationTypeSet.Of(Types.Where(_ => random.Next(3) == 0).DefaultIfEmpty(OrganizationType.Citizen)),
        random.Next(2) == 0 ? null : AuthoritySet.Of(Authorities.Where(_ => random.Next(2) == 0)),
        random.Next(2) == 0 ? FieldMask.None : FieldMask.Partial);

    [Fact]
    public void FieldWithoutRules_IsDeniedToEveryone()
    {
        var table = RuleTable.Create([new FieldRuleDefinition("Citizen.secret", [])]);
        foreach (var type in Types)
        {
            Assert.True(EntitlementPolicy.Decide(type, GrantingAuthority.NpdAgencyHead, table.Grant(["Citizen.secret"]), table["Citizen.secret"]).IsDenied);
        }
    }

    [Fact]
    public void NestedField_FollowsItsParentAndItsPartialRendering()
    {
        var table = RuleTable.Create([new FieldRuleDefinition("Address.province", [], PartialRendering.Clear), new FieldRuleDefinition("Address.street", [])]);
        var masked = FieldDecision.Masked(DecisionReason.RuleMatched);
        Assert.Equal(FieldOutcome.Revealed, EntitlementPolicy.DecideNested(masked, table["Address.province"]).Outcome);
        Assert.Equal(FieldOutcome.Masked, EntitlementPolicy.DecideNested(masked, table["Address.street"]).Outcome);
        Assert.Equal(FieldOutcome.Revealed, EntitlementPolicy.DecideNested(FieldDecision.Revealed(DecisionReason.RuleMatched), table["Address.street"]).Outcome);
    }

    [Fact]
    public void Comparison_OnAMaskedField_IsDenied()
    {
        var rule = new EntitlementRule(OrganizationTypeSet.Of([OrganizationType.TelecomProvider]), null, FieldMask.Partial);
        var table = RuleTable.Create([new FieldRuleDefinition("Citizen.permanentAddress", [rule])]);
        var decision = EntitlementPolicy.DecideComparison(OrganizationType.TelecomProvider, GrantingAuthority.DistrictPoliceChief,
            table.Grant(["Citizen.permanentAddress"]), table["Citizen.permanentAddress"]);
        Assert.Equal(DecisionReason.ClearReadRequired, decision.Reason);
        Assert.True(decision.IsDenied);
    }

    [Fact]
    public void BrokenDefinitions_AreReportedTogether()
    {
        var exception = Assert.Throws<RuleTableException>(() => RuleTable.Create(
        [
            new FieldRuleDefinition("Citizen.a", [new EntitlementRule(default, null, FieldMask.None)]),
            new FieldRuleDefinition("Verification.b", [], ComparesTo: "Citizen.missing"),
            new FieldRuleDefinition("Citizen.c", []),
            new FieldRuleDefinition("Citizen.c", []),
        ]));
        Assert.Equal(3, exception.Problems.Count);
    }
}
