using System.Collections.Concurrent;
using CometRunway.Core.Tasks;

namespace CometRunway.Core.Http;

/// <summary>
/// Reads each task where it came from: a task id routed to a source of its own (a client for the task's base
/// address) is read there, every other id through the fallback. The engines (waiter, reader, downloader) keep
/// asking by id alone; the command decides the route of each id before it hands the id over.
/// </summary>
internal sealed class RoutedTaskSource : IRunwayTaskSource
{
    private readonly IRunwayTaskSource fallback;
    private readonly ConcurrentDictionary<string, Route> routes = new(StringComparer.Ordinal);

    public RoutedTaskSource(IRunwayTaskSource fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        this.fallback = fallback;
    }

    /// <summary>
    /// Reads <paramref name="id"/> through <paramref name="source"/>, which reads at <paramref name="address"/>, from now on.
    /// False, and nothing changes, when the id already has a route to another address: one id, one address per command.
    /// </summary>
    public bool TryRoute(string id, Uri address, IRunwayTaskSource source)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(source);
        var route = routes.GetOrAdd(Key(id), new Route(address, source, null));
        return route.Address == address;
    }

    /// <summary>Reading <paramref name="id"/> fails with <paramref name="reason"/> (for example: the key may not go to its address).</summary>
    public void Refuse(string id, Uri address, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        routes.TryAdd(Key(id), new Route(address, null, reason));
    }

    /// <summary>The address <paramref name="id"/> was routed to, if it was.</summary>
    public Uri? AddressOf(string id) => routes.TryGetValue(Key(id), out var route) ? route.Address : null;

    public Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken)
    {
        if (!routes.TryGetValue(Key(id), out var route))
        {
            return fallback.GetTaskAsync(id, format, cancellationToken);
        }

        return route.Source is { } source
            ? source.GetTaskAsync(id, format, cancellationToken)
            : Task.FromException<RunwayTask>(new InvalidOperationException(route.Refusal));
    }

    // The engines trim ids before they ask; the key must be the same text whichever way the id arrives.
    private static string Key(string id) => (id ?? throw new ArgumentNullException(nameof(id))).Trim();

    private sealed record Route(Uri Address, IRunwayTaskSource? Source, string? Refusal);
}
