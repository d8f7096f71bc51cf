using System.Management.Automation;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Turns on the pipeline thread that a command of this module lends to the command of ours right after it, so
/// that the later one can write while the earlier one blocks.
/// </summary>
/// <remarks>
/// PowerShell lets a command write only while the pipeline runs one of its methods. In
/// <c>Wait-RunwayTask | Save-RunwayOutput</c>, Save is only called when Wait writes a task, so a file it finished
/// meanwhile, with its errors and progress, would wait for the next task. Instead, when B directly follows A,
/// B asks A for a turn whenever B has something to write (at most one request waits at a time); A, wherever it
/// drains its own queue, writes <see cref="Token"/>, which PowerShell hands straight to B's ProcessRecord; B writes
/// what it has and nothing for the token. Turns chain: in <c>Get | Wait | Save</c>, Save's request reaches Get
/// through Wait.
/// <para>
/// B links in its BeginProcessing. PowerShell begins every command, first to last, before any of them gets a
/// record, so A is the command of ours begun last on this thread and has not yet processed anything; B checks
/// that A sits at the position before it in a pipeline of the same length. There is no link, and so no turn,
/// when another command sits between them, when A's output is also captured (-OutVariable, -OutBuffer,
/// -PipelineVariable, which would see the token), or when B's parameter set takes no pipeline input.
/// </para>
/// </remarks>
internal sealed class PipelineTurns
{
    [ThreadStatic]
    private static PipelineTurns? lastBegun;

    private readonly Action postTurnRequest;
    private InvocationInfo? invocation;
    private bool lendsTurns;
    private volatile PipelineTurns? upstream;
    private PipelineTurns? downstream;
    private int turnRequested;

    /// <param name="postTurnRequest">Queues a turn request where the owner's drain loop will meet it.</param>
    public PipelineTurns(Action postTurnRequest) => this.postTurnRequest = postTurnRequest;

    /// <summary>What a command writes to lend a turn: a task no server knows, so that it binds like any task.</summary>
    public static RunwayTask Token { get; } = new()
    {
        Id = "cometrunway-turn-" + Guid.NewGuid().ToString("N"),
        Format = RunwayTaskFormat.Official,
        Status = RunwayTaskStatus.Pending,
    };

    /// <summary>True while the record being processed is the token, lent by the command before this one.</summary>
    public bool TokenArriving { get; private set; }

    /// <summary>In BeginProcessing: takes turns from the command before when they are neighbours; offers them to the next.</summary>
    public void Begin(PSCmdlet command)
    {
        invocation = command.MyInvocation;
        lendsTurns = !CapturesOutput(invocation);
        if (lastBegun is { lendsTurns: true, invocation: { } before } previous
            && before.PipelineLength == invocation.PipelineLength
            && before.PipelinePosition + 1 == invocation.PipelinePosition
            && TakesPipelineInput(command))
        {
            upstream = previous;
            previous.downstream = this;
        }

        lastBegun = this;
    }

    /// <summary>In ProcessRecord and EndProcessing: records are flowing, so no command begun from now on is a neighbour.</summary>
    public void StopBeginning()
    {
        if (lastBegun == this)
        {
            lastBegun = null;
        }
    }

    /// <summary>When the command ends or is disposed: no more turns in either direction.</summary>
    public void Leave()
    {
        StopBeginning();
        if (upstream is { } lender)
        {
            lender.downstream = null;
            upstream = null;
        }

        if (downstream is { } borrower)
        {
            borrower.upstream = null;
            downstream = null;
        }
    }

    /// <summary>After the owner's queue received something, from any thread: asks the command before for a turn.</summary>
    public void RequestTurn() => upstream?.TurnWanted();

    /// <summary>When the owner's drain loop meets a turn request, on the pipeline thread: lends the turn.</summary>
    public void Lend(Action<object> writeObject)
    {
        Volatile.Write(ref turnRequested, 0);
        if (downstream is not { } borrower)
        {
            return;
        }

        borrower.TokenArriving = true;
        try
        {
            writeObject(Token);
        }
        finally
        {
            borrower.TokenArriving = false;
        }
    }

    private static bool CapturesOutput(InvocationInfo invocation) =>
        invocation.BoundParameters.ContainsKey("OutVariable")
        || invocation.BoundParameters.ContainsKey("OutBuffer")
        || invocation.BoundParameters.ContainsKey("PipelineVariable");

    /// <summary>Whether a parameter of the command's set, not already given on the command line, binds pipeline input.</summary>
    private static bool TakesPipelineInput(PSCmdlet command) =>
        command.MyInvocation.MyCommand.Parameters.Values.Any(parameter =>
            !command.MyInvocation.BoundParameters.ContainsKey(parameter.Name)
            && (parameter.ParameterSets.TryGetValue(command.ParameterSetName, out var set)
                || parameter.ParameterSets.TryGetValue(ParameterAttribute.AllParameterSets, out set))
            && (set.ValueFromPipeline || set.ValueFromPipelineByPropertyName));

    private void TurnWanted()
    {
        if (Interlocked.Exchange(ref turnRequested, 1) == 0)
        {
            postTurnRequest();
        }
    }
}
