using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CometRunway.Core.Waiting;

/// <summary>
/// The waiter loop's mailbox. Every message is queued; only some ring the bell that wakes a sleeping loop: a read
/// whose answer changes nothing urgent may wait in the queue for the loop's next planned wake, if that comes within
/// a grid step. Each wake is a hand-off between threads, and at thousands of reads a minute those hand-offs, not the
/// work, were most of the CPU.
/// </summary>
internal sealed class LoopInbox
{
    private readonly ConcurrentQueue<LoopMessage> queue = new();
    private readonly Channel<bool> bell = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    // When the sleeping loop will wake by itself, in ticks of its clock; 0 while it is awake, long.MaxValue for never.
    private long wakesAtTicks;
    private volatile bool closed;
    private volatile bool sleeping;

    /// <summary>Queues a message; rings the bell unless <paramref name="canWaitUntil"/> is after the loop's own next wake.</summary>
    /// <returns>False once the loop has ended: the message was dropped.</returns>
    public bool Post(LoopMessage message, TimeSpan? canWaitUntil = null)
    {
        if (closed)
        {
            return false;
        }

        queue.Enqueue(message);
        if (canWaitUntil is not { } limit || Interlocked.Read(ref wakesAtTicks) > limit.Ticks)
        {
            bell.Writer.TryWrite(true);
        }

        return true;
    }

    public bool TryTake(out LoopMessage message) => queue.TryDequeue(out message!);

    /// <summary>
    /// Says when the loop wakes by itself (null: only for a message). Returns false when messages are already
    /// waiting that cannot wait that long: then the loop should go round again instead of sleeping.
    /// </summary>
    public bool PrepareToSleep(TimeSpan? wake, TimeSpan maxWait, TimeSpan now)
    {
        // A full fence: a poster that queued before this sees the loop awake and holds; one after sees the wake time.
        Interlocked.Exchange(ref wakesAtTicks, wake?.Ticks ?? long.MaxValue);
        if (!queue.IsEmpty && (wake is null || wake.Value > now + maxWait))
        {
            Interlocked.Exchange(ref wakesAtTicks, 0);
            return false;
        }

        return true;
    }

    /// <summary>
    /// The loop is asleep and nothing has rung the bell: it does nothing more until a message that cannot wait, or its
    /// timer. A test on a fake clock moves the clock on only then, so every read happens at the time it was due.
    /// </summary>
    public bool IsIdle => sleeping && bell.Reader.Count == 0;

    /// <summary>Sleeps until the bell rings (a message that could not wait, or the loop's timer).</summary>
    public async ValueTask SleepAsync(CancellationToken cancellationToken)
    {
        try
        {
            sleeping = true;
            await bell.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            sleeping = false;
            bell.Reader.TryRead(out _);
        }
        finally
        {
            sleeping = false;
            Interlocked.Exchange(ref wakesAtTicks, 0);
        }
    }

    /// <summary>The loop has ended: later messages are dropped.</summary>
    public void Close() => closed = true;
}
