using System.Collections.Concurrent;
using CometRunway.Core.Waiting;

namespace CometRunway.Core.Tests.Waiting;

/// <summary>
/// Takes a waiter's events and verbose lines through its callbacks and hands them, in order, to one dedicated
/// thread, the way the cmdlet queues them for its pipeline thread; records which thread handled each.
/// </summary>
internal sealed class EventDrain
{
    private readonly BlockingCollection<WaitEvent> queue = new();
    private readonly List<(WaitEvent Event, int ThreadId)> handled = new();
    private readonly Thread thread;
    private Exception? failure;

    public EventDrain()
    {
        thread = new Thread(() =>
        {
            try
            {
                foreach (var waitEvent in queue.GetConsumingEnumerable())
                {
                    lock (handled)
                    {
                        handled.Add((waitEvent, Environment.CurrentManagedThreadId));
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

    /// <summary>The waiter's report callback.</summary>
    public void Report(WaitEvent waitEvent) => queue.Add(waitEvent);

    /// <summary>The waiter's verbose callback: lines are kept in order among the events.</summary>
    public void Verbose(string line) => queue.Add(new WaitVerboseEvent(line));

    /// <summary>Call once the run has ended (everything was reported before RunAsync completed): waits until all was handled.</summary>
    public IReadOnlyList<WaitEvent> Finish()
    {
        queue.CompleteAdding();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the drain thread did not finish");
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

/// <summary>A line the waiter gave its verbose callback, recorded in order among the events.</summary>
internal sealed record WaitVerboseEvent(string Message) : WaitEvent;
