using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using GraphQlRegistry.AccessLog.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>
/// The README's demo queries, with every span, metric point and log line captured: the telemetry is
/// there (requests, GraphQL execution, PostgreSQL's database calls, the server's metrics), and no demo citizen's id or name is in it.
/// </summary>
public sealed class TelemetryPrivacyTests : IClassFixture<TelemetryPrivacyTests.ObservedServer>
{
    private readonly ObservedServer _server;

    public TelemetryPrivacyTests(ObservedServer server) => _server = server;

    [Fact]
    public async Task DemoQueries_TelemetryAndServerOutput_CarryNoCitizenIdOrName()
    {
        await RunDemoQueriesAsync();
        _server.Services.GetRequiredService<MeterProvider>().ForceFlush();
        _server.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var spans = _server.Spans.Snapshot();
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.GetTagItem("http.route") as string == "/graphql");
        Assert.Contains(spans, s => s.Source.Name == GraphQL.Telemetry.GraphQLTelemetryProvider.SourceName);
        if (TestStore.IsPostgres)
        {
            // SQLite calls are not traced (README, Telemetry).
            Assert.Contains(spans, s => s.Source.Name == "Npgsql");
        }

        var metrics = _server.Metrics.Snapshot();
        Assert.Contains(metrics, m => m.Name == "registry.field_decisions" && Points(m).Any(p => p.Contains("decision=DENIED") && p.Contains("organization_type=CREDIT_INSTITUTION")));
        Assert.Contains(metrics, m => m.Name == "registry.requests" && Points(m).Any(p => p.Contains("outcome=refused")));
        Assert.Contains(metrics, m => m.Name == "registry.access_log.commit.entries" && m.MeterName == AccessLogMetrics.MeterName);

        var captured = new StringBuilder();
        foreach (var span in spans)
        {
            captured.AppendLine(span.DisplayName).AppendLine(span.StatusDescription);
            captured.AppendJoin('\n', span.TagObjects.Select(t => $"{t.Key}={t.Value}")).AppendLine();
            captured.AppendJoin('\n', span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))).AppendLine();
        }

        captured.AppendJoin('\n', metrics.SelectMany(Points)).AppendLine();
        captured.AppendJoin('\n', _server.Logs.Lines.Select(l => l.Text + " " + string.Join(' ', l.Values.Values))).AppendLine();
        var text = captured.ToString();

        var citizens = await _server.RegistryAsync(db => db.Citizens.AsNoTracking().Select(c => new { c.PersonalId, c.FullName }).ToListAsync());
        Assert.Equal(RegistryServer.Citizens, citizens.Count);
        Assert.All(citizens, c =>
        {
            Assert.DoesNotContain(c.PersonalId, text);
            Assert.DoesNotContain(c.FullName!, text);
        });
    }

    private async Task RunDemoQueriesAsync()
    {
        var citizen = await _server.CitizenWithFamilyAsync();
        var id = citizen.PersonalId;
        var bank = RegistryServer.OrganizationToken("demo-credit-institution", purpose: $"KYC for {id}");
        await _server.QueryAsync(bank, $"query Kyc{id} {{ citizen(personalId: \"{id}\") {{ personalId fullName dateOfBirth religion currentAddress {{ province street }} father {{ fullName }} }} }}");
        await _server.QueryAsync(RegistryServer.OrganizationToken("demo-state-agency"),
            "query($p: String) { citizens(where: { fullNameStartsWith: $p }, first: 5) { edges { node { personalId fullName father { fullName } } } } }", new { p = citizen.FullName!.Split(' ')[0] });
        await _server.QueryAsync(RegistryServer.OrganizationToken("demo-notary-organization"), $"{{ citizen(personalId: \"{id}\") {{ fullName father {{ personalId fullName }} }} }}");
        await _server.QueryAsync(RegistryServer.OrganizationToken("demo-revoked"), $"{{ citizen(personalId: \"{id}\") {{ fullName }} }}");
        await _server.QueryAsync(RegistryServer.CitizenToken(id), "{ me { fullName } myAccessHistory(first: 5) { edges { node { organizationId field } } } }");
        await _server.QueryAsync(RegistryServer.AuditorToken(), "{ accessLog(first: 5) { edges { node { field reason } } } verifyAccessLog { ok } }");
        await _server.QueryAsync(bank, $"{{ citizen(personalId: \"{id}\") {{ fullName }} }} {{");

        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bank);
        await client.GetAsync($"/graphql?query={Uri.EscapeDataString($"{{ citizen(personalId: \"{id}\") {{ fullName }} }}")}");
        await client.GetAsync($"/citizens/{id}");
    }

    private static IEnumerable<string> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            var tags = new List<string>();
            foreach (var tag in point.Tags)
            {
                tags.Add($"{tag.Key}={tag.Value}");
            }

            yield return $"{metric.Name} {string.Join(' ', tags)}";
        }
    }

    public sealed class ObservedServer : RegistryServer
    {
        public Captured<Activity> Spans { get; } = new();

        public Captured<MetricSnapshot> Metrics { get; } = new();

        public LogCapture Logs { get; } = new();

        protected override void ConfigureOverrides(IWebHostBuilder builder)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            builder.ConfigureTestServices(services =>
            {
                // An exporter of the test's own: spans are recorded, as with an OTLP endpoint.
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(Spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            });
        }
    }

    /// <summary>
    /// What an exporter hands over, kept under a lock: a request's span ends after its response has reached the test,
    /// and the metric reader exports on a thread of its own, so the test reads while exporters may still add.
    /// </summary>
    public sealed class Captured<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public List<T> Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
