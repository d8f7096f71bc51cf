namespace CometRunway.Emulator;

/// <summary>A host lifetime that hooks no console signals: the owner (a test, or Program) decides when to stop.</summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
