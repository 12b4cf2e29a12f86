namespace GraphQlRegistry.LoadGenerator;

public enum ServerUnderTest
{
    /// <summary>B0: the same lookup on a bare minimal-API endpoint with EF Core: no GraphQL, no rules, no log.</summary>
    RawEfCore,

    /// <summary>The full server with the access log replaced by a sink that drops records (this harness only).</summary>
    GraphQlNoOpLog,

    /// <summary>The full server as shipped: durable, group-committed, hash-chained log.</summary>
    GraphQlDurableLog,
}
