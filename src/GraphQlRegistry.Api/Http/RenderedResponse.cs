using System.Buffers;
using System.IO.Pipelines;

namespace GraphQlRegistry.Api.Http;

/// <summary>
/// A response rendered in memory and not yet sent: its status, media type and body, the body in pooled segments. The
/// <see cref="Execution.AuditedExecutor"/> has a result rendered while its entries commit, and hands it back only once
/// they are, so writing out a page of 500 citizens overlaps the log's commit instead of following it.
/// </summary>
public sealed class RenderedResponse : IDisposable
{
    // Nothing reads the body until it is sent, so the writer must never wait for a reader.
    private readonly Pipe _body = new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));

    private RenderedResponse(int status, string contentType)
    {
        Status = status;
        ContentType = contentType;
    }

    public int Status { get; }

    public string ContentType { get; }

    public static async Task<RenderedResponse> RenderAsync(int status, string contentType, Func<Stream, Task> writeBody)
    {
        var rendered = new RenderedResponse(status, contentType);
        try
        {
            await using var body = rendered._body.Writer.AsStream();
            await writeBody(body);
            return rendered;
        }
        catch
        {
            rendered.Dispose();
            throw;
        }
    }

    /// <summary>Sends the response in one write, with its length.</summary>
    public async Task SendAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        _body.Reader.TryRead(out var read);
        response.ContentLength = read.Buffer.Length;
        foreach (var segment in read.Buffer)
        {
            response.BodyWriter.Write(segment.Span);
        }

        _body.Reader.AdvanceTo(read.Buffer.End);
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _body.Writer.Complete();
        _body.Reader.Complete();
    }
}
