using System.Net;
using System.Net.Http.Headers;

namespace CometRunway.Core.Creating;

/// <summary>
/// A JSON body that records whether the handler ever began to write it. Until it does, the server cannot have a complete
/// request (HTTP/1.1 sends the headers and the body together, and a bodiless prefix makes no task), so a failure before
/// that point is the one case a create may be retried.
/// </summary>
internal sealed class SentTrackingContent : ByteArrayContent
{
    private int started;

    public SentTrackingContent(byte[] json)
        : base(json)
    {
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    /// <summary>True once the handler asked for the body: from then on the request may have reached the server.</summary>
    public bool Started => Volatile.Read(ref started) != 0;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref started, 1);
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Interlocked.Exchange(ref started, 1);
        return base.SerializeToStreamAsync(stream, context);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref started, 1);
        base.SerializeToStream(stream, context, cancellationToken);
    }
}
