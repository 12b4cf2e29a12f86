using BenchmarkDotNet.Attributes;
using GraphQlRegistry.Api.Callers;
using GraphQlRegistry.Api.Schema;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Benchmarks;

/// <summary>
/// A field decision as the entitlement middleware asks for it, through the established caller (organisation type,
/// grant authority and granted fields): the target is under 5 ns and nothing allocated.
/// </summary>
[MemoryDiagnoser]
public class CallerDecisionBenchmarks
{
    private DataCaller _bank = null!;
    private FieldRule _fullName = null!;
    private FieldRule _currentAddress = null!;
    private FieldRule _religion = null!;

    [GlobalSetup]
    public void Setup()
    {
        var table = new SchemaRules(SchemaRules.EmbeddedSdl()).Table;
        _fullName = table["Citizen.fullName"];
        _currentAddress = table["Citizen.currentAddress"];
        _religion = table["Citizen.religion"];
        var grant = new ActiveGrant("grant-demo-credit-institution", GrantingAuthority.DistrictPoliceChief, "00101", null, DateTimeOffset.UnixEpoch,
            DateTimeOffset.MaxValue, "KYC onboarding", table.Grant(table.Grantable.Select(rule => rule.Coordinate)));
        _bank = new DataCaller("svc-bank", "KYC onboarding", OrganizationType.CreditInstitution, "demo-credit-institution", "Demo bank", null,
            Channel.NationalPortal, grant, null, null);
    }

    [Benchmark(Baseline = true)]
    public FieldDecision RevealedByTheBank() => _bank.Decide(_fullName);

    [Benchmark]
    public FieldDecision MaskedForTheBank() => _bank.Decide(_currentAddress);

    [Benchmark]
    public FieldDecision DeniedToTheBank() => _bank.Decide(_religion);

    [Benchmark]
    public FieldDecision ComparisonByTheBank() => _bank.DecideComparison(_fullName);
}
