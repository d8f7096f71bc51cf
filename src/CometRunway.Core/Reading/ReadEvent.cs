using CometRunway.Core.Tasks;

namespace CometRunway.Core.Reading;

/// <summary>What a <see cref="BatchTaskReader"/> reports: a task read, or why it could not be.</summary>
public abstract record ReadEvent
{
    internal sealed record Read(RunwayTask Task) : ReadEvent;

    internal sealed record Failed(string Id, RunwayTaskFormat Format, Exception Error) : ReadEvent;
}
