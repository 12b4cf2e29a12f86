using BenchmarkDotNet.Attributes;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Benchmarks;

/// <summary>The cost of one field decision on the real rule table (from schema/registry.graphql): it must allocate nothing.</summary>
[MemoryDiagnoser]
public class FieldDecisionBenchmarks
{
    private FieldRule _fullName = null!;
    private FieldRule _religion = null!;
    private FieldRule _currentAddress = null!;
    private FieldRule _street = null!;
    private GrantedFields _bankGrant;

    [GlobalSetup]
    public void Setup()
    {
        var table = new SchemaRules(SchemaRules.EmbeddedSdl()).Table;
        _fullName = table["Citizen.fullName"];
        _religion = table["Citizen.religion"];
        _currentAddress = table["Citizen.currentAddress"];
        _street = table["Address.street"];
        _bankGrant = table.Grant(table.Grantable.Select(rule => rule.Coordinate));
    }

    [Benchmark(Baseline = true)]
    public FieldDecision RevealedField() => EntitlementPolicy.Decide(OrganizationType.CreditInstitution, GrantingAuthority.DistrictPoliceChief, _bankGrant, _fullName);

    [Benchmark]
    public FieldDecision DeniedSensitiveField() => EntitlementPolicy.Decide(OrganizationType.CreditInstitution, GrantingAuthority.DistrictPoliceChief, _bankGrant, _religion);

    [Benchmark]
    public FieldDecision MaskedField() => EntitlementPolicy.Decide(OrganizationType.CreditInstitution, GrantingAuthority.DistrictPoliceChief, _bankGrant, _currentAddress);

    [Benchmark]
    public FieldDecision NestedUnderMaskedParent() => EntitlementPolicy.DecideNested(FieldDecision.Masked(DecisionReason.RuleMatched), _street);
}
