using System.Management.Automation;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>Owns the cancellation that Ctrl+C (<see cref="StopProcessing"/>) triggers for every command.</summary>
public abstract class RunwayCommandBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
    protected CancellationToken StopToken => stopping.Token;

    protected override void StopProcessing() => stopping.Cancel();

    /// <summary>
    /// Cancels whatever the command started before disposing: the pipeline can end without Ctrl+C (a
    /// terminating error here or downstream, Select-Object -First), and background work must not outlive it.
    /// </summary>
    public void Dispose()
    {
        stopping.Cancel();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Gives cancelled background work a moment to finish, so nothing runs on after the command.</summary>
    protected static void AwaitQuietly(Task? work)
    {
        try
        {
            work?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Cancelled or failed: either way it has stopped, which is all that matters here.
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            stopping.Dispose();
        }
    }

    /// <summary>Whether verbose records would be shown, so that costly verbose text is only built when it is.</summary>
    protected bool IsVerbose =>
        MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose)
            ? verbose is SwitchParameter { IsPresent: true } or true
            : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;

    /// <summary>Stops the command with an error when the pipeline was stopped meanwhile, so nothing more is written.</summary>
    protected void ThrowIfStopping()
    {
        if (stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
