using CometRunway.Core.Tasks;

namespace CometRunway.Core.Waiting;

/// <summary>What reaches the waiter's loop from other threads: input from the consumer, answers from requests.</summary>
internal abstract record LoopMessage;

internal sealed record TaskAddedMessage(string Id, RunwayTaskFormat Format, RunwayTask? Known) : LoopMessage;

internal sealed record AddingCompletedMessage : LoopMessage;

internal sealed record PollCompletedMessage(TaskWatch Watch, RunwayTask? Task, Exception? Error, TimeSpan Latency, TimeSpan CompletedAt) : LoopMessage;

/// <summary>The loop's timer fired: a read, the deadline or a progress snapshot is due.</summary>
internal sealed record WakeMessage : LoopMessage;
