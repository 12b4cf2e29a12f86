using BenchmarkDotNet.Attributes;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Benchmarks;

/// <summary>Placing one KYC request (18 entries) in the chain: one SHA-256 over its canonical form, its spans, the new head.</summary>
[MemoryDiagnoser]
public class AccessLogHashingBenchmarks
{
    private AccessRecord[] _request = [];

    [GlobalSetup]
    public void Setup() => _request = [.. KycRecords.Request("0123456789abcdef0123456789abcdef", OrganizationType.CreditInstitution, new string('a', 64), DateTimeOffset.UnixEpoch)];

    [Benchmark]
    public LinkedBatch LinkOneKycRequest() => ChainLinker.Link(new ChainHead(41, RequestHasher.Genesis), _request);
}
