using System.Net;
using System.Net.Http.Headers;

namespace CometRunway.Core.Creating;

/// <summary>
/// A JSON body that records whether the handler ever began to write it. Until it does, the server cannot have a complete
/// request (HTTP/1.1 sends the headers and the body together, and a bodiless prefix makes no task), so a failure before
/// that point is the one case a create may be retried. A body not yet started can be withdrawn (<see cref="TryWithdraw"/>):
/// then it is never written.
/// </summary>
internal sealed class SentTrackingContent : ByteArrayContent
{
    private const int Unsent = 0;
    private const int Sending = 1;
    private const int Withdrawn = 2;

    private int state;

    public SentTrackingContent(byte[] json)
        : base(json)
    {
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    /// <summary>True once the handler asked for the body: from then on the request may have reached the server.</summary>
    public bool Started => Volatile.Read(ref state) == Sending;

    /// <summary>True when the body had not started and now never will; false once it has started (it is then let finish).</summary>
    public bool TryWithdraw() => Interlocked.CompareExchange(ref state, Withdrawn, Unsent) != Sending;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Start();
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Start();
        return base.SerializeToStreamAsync(stream, context);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Start();
        base.SerializeToStream(stream, context, cancellationToken);
    }

    private void Start()
    {
        if (Interlocked.CompareExchange(ref state, Sending, Unsent) == Withdrawn)
        {
            throw new OperationCanceledException("The create was withdrawn before its body was sent.");
        }
    }
}
