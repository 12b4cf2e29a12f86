using BenchmarkDotNet.Attributes;
using GraphQlRegistry.AccessLog.Chain;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Benchmarks;

/// <summary>
/// Placing records in the chain: grouping by citizen, one SHA-256 over each request's canonical form, the spans and the
/// new head. <see cref="LinkOneKycRequest"/>: one KYC lookup (18 entries); <see cref="LinkOnePage"/>: a state agency's
/// page of 500 citizens (S2), the writer's share of a page that is not SQLite's, in buffers kept from one page to the
/// next as the writer keeps them.
/// </summary>
[MemoryDiagnoser]
public class AccessLogHashingBenchmarks
{
    private AccessRecord[] _request = [];
    private AccessRecord[] _page = [];
    private readonly LinkBuffers _buffers = new();

    [GlobalSetup]
    public void Setup()
    {
        _request = [.. KycRecords.Request("0123456789abcdef0123456789abcdef", OrganizationType.CreditInstitution, new string('a', 64), DateTimeOffset.UnixEpoch)];
        _page = [.. PageRecords.Page(seed: 1)];
    }

    [Benchmark]
    public LinkedBatch LinkOneKycRequest() => ChainLinker.Link(new ChainHead(41, RequestHasher.Genesis), _request);

    [Benchmark]
    public LinkedBatch LinkOnePage() => ChainLinker.Link(new ChainHead(41, RequestHasher.Genesis), _page, _buffers);
}
