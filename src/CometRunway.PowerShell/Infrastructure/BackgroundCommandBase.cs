using System.Collections.Concurrent;
using System.Management.Automation;
using CometRunway.Core.Http;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The shape of every command whose work runs in the background, in an engine from Core that reports from its
/// own threads. Only the pipeline thread may write, so the engine's events and verbose lines wait in a queue
/// that this class drains: what is there after each input record, then everything until the engine ends. It
/// cancels the engine on Ctrl+C and when the pipeline ends early, and completes the progress bars it showed.
/// </summary>
/// <remarks>
/// A command keeps its parameters and four members: <see cref="StartEngine"/> builds and starts the engine,
/// which reports through <see cref="Post"/> and <see cref="PostVerbose"/>; <see cref="ProcessInput"/> hands it
/// the input of one record; <see cref="CompleteInput"/> says that no more is coming; <see cref="Write"/> is one
/// switch that turns an event into output, errors, verbose text or progress.
/// <para>
/// Adjacent commands of this module stream: the one after a blocked one gets turns to write (see
/// <see cref="PipelineTurns"/>), so <c>Wait-RunwayTask | Save-RunwayOutput -PassThru</c> writes each file as it is saved.
/// </para>
/// </remarks>
public abstract class BackgroundCommandBase<TEvent> : ApiCommandBase
    where TEvent : class
{
    private readonly BlockingCollection<object> pending = new(new ConcurrentQueue<object>());
    private readonly List<ProgressTree> progressShown = new();
    private readonly PipelineTurns turns;
    private Task? engine;
    private bool inputCompleted;
    private bool engineEnded;

    protected BackgroundCommandBase() => turns = new PipelineTurns(() => Enqueue(TurnRequest.Instance));

    /// <summary>Carries a verbose line to the pipeline thread; null when verbose output is off, so that no text is built.</summary>
    protected Action<string>? PostVerbose { get; private set; }

    /// <summary>Carries an event to the pipeline thread. Safe from any thread; never throws.</summary>
    protected void Post(TEvent item) => Enqueue(item);

    /// <summary>
    /// Builds the engine from the parameters and starts it (<see cref="ApiCommandBase.ResolveConnection()"/> and
    /// throwing a terminating error for bad arguments belong here). Returns the engine's run: it must end once
    /// <see cref="CompleteInput"/> was called and everything was posted, or once <see cref="RunwayCommandBase.StopToken"/> is cancelled.
    /// </summary>
    protected abstract Task StartEngine();

    /// <summary>Hands the input bound for this record to the engine.</summary>
    protected abstract void ProcessInput();

    /// <summary>No more input: let the engine finish. Also called when the pipeline ends early.</summary>
    protected abstract void CompleteInput();

    /// <summary>Writes one event: output, errors, verbose text, progress. Always on the pipeline thread.</summary>
    protected abstract void Write(TEvent item);

    /// <summary>An event the engine reported that the pipeline ended before writing (called from Dispose; nothing can be written).</summary>
    protected virtual void Unwritten(TEvent item)
    {
    }

    /// <summary>
    /// The id of the terminating error when the engine's run fails unexpectedly. (When it fails with an API error,
    /// such as a refused key, that error's own id is used.)
    /// </summary>
    protected virtual string EngineFailedErrorId => ErrorIds.RunwayError;

    /// <summary>A progress bar (parent and children) that is completed when the command ends.</summary>
    private protected ProgressTree CreateProgress(string activity)
    {
        var tree = new ProgressTree(this, activity);
        progressShown.Add(tree);
        return tree;
    }

    protected sealed override void BeginProcessing()
    {
        turns.Begin(this);
        foreach (var note in RunspaceState.Current.TakeNotes())
        {
            WriteVerbose(note);
        }

        PostVerbose = IsVerbose ? line => Enqueue(new VerboseLine(line)) : null;
        engine = StartEngine();

        // Everything the engine reports is posted before its run completes, so this comes after all of it.
        _ = engine.ContinueWith(_ => Enqueue(EngineEnded.Instance), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    protected sealed override void ProcessRecord()
    {
        turns.StopBeginning();
        if (!turns.TokenArriving)
        {
            ProcessInput();
        }

        WriteAvailable();
    }

    protected sealed override void EndProcessing()
    {
        turns.StopBeginning();
        try
        {
            EndInput();
            WriteUntilEngineEnds();
            ThrowIfStopping();
            if (engine!.IsFaulted)
            {
                ThrowTerminatingError(EngineFailed(engine.Exception!.GetBaseException()));
            }
        }
        finally
        {
            turns.Leave();
            progressShown.ForEach(tree => tree.CompleteAll());
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            turns.Leave();
            if (engine is not null)
            {
                EndInput();
                AwaitQuietly(engine);
                while (pending.TryTake(out var item))
                {
                    if (item is TEvent unwritten)
                    {
                        Unwritten(unwritten);
                    }
                }
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Writes what the engine has reported so far, without waiting for more.</summary>
    protected void WriteAvailable()
    {
        while (pending.TryTake(out var item))
        {
            Handle(item);
        }
    }

    /// <summary>Writes everything the engine reports until its run has ended (or the pipeline is stopped).</summary>
    protected void WriteUntilEngineEnds()
    {
        try
        {
            while (!engineEnded && pending.TryTake(out var item, Timeout.Infinite, StopToken))
            {
                Handle(item);
            }
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            return;
        }

        WriteAvailable();
    }

    private ErrorRecord EngineFailed(Exception error) => error is RunwayApiException api
        ? ErrorRecords.FromApi(api, api.TaskId ?? string.Empty)
        : ErrorRecords.Create(error, EngineFailedErrorId, ErrorCategory.NotSpecified, null, $"{MyInvocation.MyCommand.Name} stopped unexpectedly: {error.Message}");

    private void EndInput()
    {
        if (!inputCompleted)
        {
            inputCompleted = true;
            CompleteInput();
        }
    }

    // The queue is never completed nor disposed: what arrives after the command has ended is simply not read.
    private void Enqueue(object item)
    {
        pending.Add(item);
        turns.RequestTurn();
    }

    private void Handle(object item)
    {
        switch (item)
        {
            case VerboseLine line:
                WriteVerbose(line.Text);
                break;
            case EngineEnded:
                engineEnded = true;
                break;
            case TurnRequest:
                turns.Lend(WriteObject);
                break;
            default:
                Write((TEvent)item);
                break;
        }
    }

    private sealed record VerboseLine(string Text);

    private sealed class EngineEnded
    {
        public static readonly EngineEnded Instance = new();
    }

    private sealed class TurnRequest
    {
        public static readonly TurnRequest Instance = new();
    }
}
