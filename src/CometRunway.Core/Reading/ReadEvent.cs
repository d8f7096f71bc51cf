using CometRunway.Core.Tasks;

namespace CometRunway.Core.Reading;

/// <summary>What a <see cref="BatchTaskReader"/> reports to the pipeline thread.</summary>
public abstract record ReadEvent
{
    public sealed record Read(RunwayTask Task) : ReadEvent;

    public sealed record Failed(string Id, RunwayTaskFormat Format, Exception Error) : ReadEvent;

    public sealed record Log(string Message) : ReadEvent;
}
