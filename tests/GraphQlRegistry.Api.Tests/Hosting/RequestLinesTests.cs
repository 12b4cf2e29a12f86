using GraphQlRegistry.Api.Hosting;
using Microsoft.Extensions.Logging;

namespace GraphQlRegistry.Api.Tests.Hosting;

/// <summary>Request lines are written off the request's thread, in order, all of them, and at once when too many wait.</summary>
public sealed class RequestLinesTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public async Task QueuedLines_AreWrittenInOrder_ByTheLoop()
    {
        var (capture, logger) = Logger();
        await using var lines = new RequestLines(logger, TimeSpan.FromMilliseconds(5), maxWaiting: 100);

        for (var i = 0; i < 50; i++)
        {
            lines.Add(Line(i));
        }

        await Eventually.ReadAsync(() => capture.Lines.Count, count => count == 50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"r{i}"), capture.Lines.Select(l => l.Values["RequestId"]));
        Assert.All(capture.Lines, l => Assert.Equal(3001, l.EventId));
    }

    [Fact]
    public async Task Disposal_WritesWhatIsStillQueued()
    {
        var (capture, logger) = Logger();
        var lines = new RequestLines(logger, Never, maxWaiting: 100);
        lines.Add(Line(1));
        lines.Add(Line(2));
        Assert.Empty(capture.Lines);

        await lines.DisposeAsync();

        Assert.Equal(["r1", "r2"], capture.Lines.Select(l => l.Values["RequestId"]));
    }

    [Fact]
    public async Task PastTheBound_ARequestWritesItsOwnLine()
    {
        var (capture, logger) = Logger();
        await using var lines = new RequestLines(logger, Never, maxWaiting: 2);
        lines.Add(Line(1));
        lines.Add(Line(2));
        lines.Add(Line(3));

        var line = Assert.Single(capture.Lines);
        Assert.Equal("r3", line.Values["RequestId"]);
        Assert.Equal("200", line.Values["Status"]);
        Assert.Equal("/graphql", line.Values["Route"]);
    }

    [Fact]
    public async Task AfterDisposal_ALineIsWrittenAtOnce()
    {
        var (capture, logger) = Logger();
        var lines = new RequestLines(logger, Never, maxWaiting: 100);
        await lines.DisposeAsync();

        lines.Add(Line(7));

        Assert.Equal("r7", Assert.Single(capture.Lines).Values["RequestId"]);
    }

    private static RequestLine Line(int i) => new($"r{i}", "POST", "/graphql", "demo-credit-institution", 200, 1.5);

    private static (LogCapture Capture, ILogger<RequestLogging> Logger) Logger()
    {
        var capture = new LogCapture();
        return (capture, new Logger<RequestLogging>(new LoggerFactory([capture])));
    }
}
