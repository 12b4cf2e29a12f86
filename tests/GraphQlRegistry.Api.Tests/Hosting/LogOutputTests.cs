using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>
/// Issue 8, finding 10: whatever the configuration found says (here, everything at Information, as when no
/// appsettings.json is found), the server logs no request line or query string.
/// </summary>
public sealed class LogOutputTests(LogOutputTests.BareContentRootServer server) : IClassFixture<LogOutputTests.BareContentRootServer>
{
    [Fact]
    public async Task GetWithAPersonalIdInTheQueryString_LeavesNoTraceInTheLog()
    {
        const string id = "001085123456";
        var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query=%7B%20citizen(personalId%3A%20%22{id}%22)%20%7B%20fullName%20%7D%20%7D");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RegistryServer.OrganizationToken("demo-state-agency"));
        var response = await server.CreateClient().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);

        Assert.NotEmpty(server.Messages);
        Assert.DoesNotContain(server.Messages, m => m.Contains(id) || m.Contains("query=", StringComparison.OrdinalIgnoreCase));
    }

    public sealed class BareContentRootServer : RegistryServer, ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();
        private readonly string _contentRoot = Directory.CreateTempSubdirectory("registry-content-root-").FullName;

        public IReadOnlyCollection<string> Messages => _messages;

        protected override void ConfigureOverrides(IWebHostBuilder builder)
        {
            builder.UseContentRoot(_contentRoot);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
            builder.ConfigureLogging(logging => logging.AddProvider(this));
        }

        ILogger ILoggerProvider.CreateLogger(string categoryName) => new Capture(categoryName, _messages);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Directory.Exists(_contentRoot))
            {
                Directory.Delete(_contentRoot, recursive: true);
            }
        }

        private sealed class Capture(string category, ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}
