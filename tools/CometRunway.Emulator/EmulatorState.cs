using CometRunway.Emulator.Creating;
using CometRunway.Emulator.Demo;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Recording;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Emulator;

/// <summary>Everything one emulator instance owns; shared by its route handlers.</summary>
internal sealed class EmulatorState
{
    private long requestCounter;
    private CreateSettings createSettings;

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        createSettings = options.CreateSettings;
        Tasks = new EmulatedTaskStore(options.TimeProvider);
        Recorder = new RequestRecorder(Math.Max(1, options.MaxRecordedRequests));
        if (options.DemoMode)
        {
            DemoTasks.Seed(Tasks);
        }
    }

    public EmulatorOptions Options { get; }

    public EmulatedTaskStore Tasks { get; }

    public FaultSet Faults { get; } = new();

    public RequestRecorder Recorder { get; }

    public TimeProvider Time => Options.TimeProvider;

    /// <summary>How the create routes behave now.</summary>
    public CreateSettings CreateSettings
    {
        get => Volatile.Read(ref createSettings);
        set => Volatile.Write(ref createSettings, value ?? throw new ArgumentNullException(nameof(value)));
    }

    public CreatedTaskLog Created { get; } = new();

    /// <summary>A gateway-style request id, unique within this emulator.</summary>
    public string NextRequestId() =>
        "2026" + Interlocked.Increment(ref requestCounter).ToString("D16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The task as the routes should see it now, creating demo tasks for unknown ids in demo mode.</summary>
    public TaskView? ViewTask(string id) =>
        Options.DemoMode
            ? Tasks.ViewOrCreate(id, unknown => DemoTasks.CreateForUnknownId(unknown, Options.DemoTaskDuration))
            : Tasks.View(id);

    public void Reset()
    {
        Tasks.Clear();
        Faults.Clear();
        Recorder.Clear();
        Created.Clear();
        CreateSettings = Options.CreateSettings;
        if (Options.DemoMode)
        {
            DemoTasks.Seed(Tasks);
        }
    }
}
