using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace CometRunway.PowerShell.Tests.Hosting;

/// <summary>A real PowerShell engine (System.Management.Automation) with the staged module imported.</summary>
public sealed class ModuleHost : IDisposable
{
    private readonly Runspace runspace;

    public ModuleHost(IDictionary<string, string?>? environment = null)
    {
        var state = InitialSessionState.CreateDefault2();
        runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        var import = Run("param($path) Import-Module $path -ErrorAction Stop", new() { ["path"] = StagedModule.ManifestPath });
        if (import.Terminating is not null || import.Errors.Count > 0)
        {
            throw new InvalidOperationException("Import-Module failed: " + import.AllText());
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            Run("param($n, $v) [Environment]::SetEnvironmentVariable($n, $v, 'Process')", new() { ["n"] = name, ["v"] = value });
        }
    }

    public Runspace Runspace => runspace;

    /// <summary>Runs a script; parameters are passed to its param() block.</summary>
    /// <param name="prepare">Sees the shell before it runs, for example to watch its streams as records arrive.</param>
    public HostResult Run(string script, Dictionary<string, object?>? parameters = null, Action<System.Management.Automation.PowerShell>? prepare = null)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = runspace;
        prepare?.Invoke(shell);
        shell.AddScript(script);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            shell.AddParameter(name, value);
        }

        Collection<PSObject> output;
        RuntimeException? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException e)
        {
            output = new Collection<PSObject>();
            terminating = e;
        }

        return new HostResult(
            output.Select(o => o?.BaseObject).ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Progress.ToList(),
            terminating);
    }

    public void Dispose() => runspace.Dispose();
}

public sealed record HostResult(
    IReadOnlyList<object?> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ProgressRecord> Progress,
    RuntimeException? Terminating)
{
    /// <summary>Everything a user could see, for asserting that no secret appears anywhere.</summary>
    public string AllText() => string.Join('\n',
        Output.Select(o => o?.ToString())
            .Concat(Errors.SelectMany(e => new[] { e.ToString(), e.Exception?.ToString(), e.ErrorDetails?.Message, e.TargetObject?.ToString() }))
            .Concat(Verbose).Concat(Warnings)
            .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation))
            .Append(Terminating?.ToString()));
}
