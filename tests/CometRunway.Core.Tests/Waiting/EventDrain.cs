using System.Threading.Channels;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>
/// Drains a waiter's events on one dedicated thread, the way the cmdlet's pipeline thread does (blocking),
/// and records which thread handled each event.
/// </summary>
internal sealed class EventDrain
{
    private readonly List<(WaitEvent Event, int ThreadId)> handled = new();
    private readonly Thread thread;
    private Exception? failure;

    private EventDrain(ChannelReader<WaitEvent> reader)
    {
        thread = new Thread(() =>
        {
            try
            {
                while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    while (reader.TryRead(out var waitEvent))
                    {
                        lock (handled)
                        {
                            handled.Add((waitEvent, Environment.CurrentManagedThreadId));
                        }
                    }
                }
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        })
        { IsBackground = true, Name = "test pipeline thread" };
        thread.Start();
    }

    public int DrainThreadId => thread.ManagedThreadId;

    public static EventDrain Start(RunwayTaskWaiter waiter) => new(waiter.Events);

    /// <summary>Waits until the channel completed and everything was handled.</summary>
    public IReadOnlyList<WaitEvent> Finish()
    {
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the event channel did not complete");
        Assert.Null(failure);
        return Events;
    }

    public IReadOnlyList<WaitEvent> Events
    {
        get
        {
            lock (handled)
            {
                return handled.Select(entry => entry.Event).ToList();
            }
        }
    }

    public IReadOnlyList<int> HandlerThreadIds
    {
        get
        {
            lock (handled)
            {
                return handled.Select(entry => entry.ThreadId).ToList();
            }
        }
    }
}
