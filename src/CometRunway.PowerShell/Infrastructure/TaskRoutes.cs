using System.Management.Automation;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Where a command reads each task: at the base address the task came from, unless -BaseUri was given, and only
/// where the base-address rule lets the key go (<see cref="ConnectionResolver.ForTask"/>). The engines read through
/// <see cref="Source"/>, which routes every id this class was told about.
/// </summary>
internal sealed class TaskRoutes
{
    private readonly CometApiConnection resolved;
    private readonly bool baseUriGiven;
    private readonly Func<CometApiConnection, IRunwayTaskSource> clientFor;
    private readonly Dictionary<Uri, IRunwayTaskSource> clients = new();

    /// <param name="resolved">The command's connection; its key is the one sent anywhere.</param>
    /// <param name="baseUriGiven">-BaseUri was given: every task is read there, as the user said.</param>
    /// <param name="clientFor">Makes the client for a connection (with the command's settings).</param>
    public TaskRoutes(CometApiConnection resolved, bool baseUriGiven, Func<CometApiConnection, IRunwayTaskSource> clientFor)
    {
        this.resolved = resolved;
        this.baseUriGiven = baseUriGiven;
        this.clientFor = clientFor;
        var home = clientFor(resolved);
        clients[resolved.BaseUri] = home;
        Source = new RoutedTaskSource(home);
    }

    public RoutedTaskSource Source { get; }

    /// <summary>Routes the input's id to its base address (or the command's).</summary>
    /// <exception cref="TaskInputException">The address is no base address, the key may not go there, or the id was routed elsewhere before.</exception>
    public void Route(TaskInput input)
    {
        var connection = Target(input);
        if (!clients.TryGetValue(connection.BaseUri, out var client))
        {
            clients[connection.BaseUri] = client = clientFor(connection);
        }

        if (!Source.TryRoute(input.Id, connection.BaseUri, client))
        {
            throw new TaskInputException(
                ErrorIds.InvalidTaskProperty,
                $"Task '{input.Id}' came from {connection.BaseUri}, but this command already reads a task with that id at {Source.AddressOf(input.Id)}; a command reads each id at one address.",
                input.Source);
        }
    }

    /// <summary>
    /// Like <see cref="Route"/>, but an address the key may not go to only means that reading the task again fails
    /// with the reason (Save-RunwayOutput reads again only to refresh an expired link).
    /// </summary>
    public void RouteOrRefuse(TaskInput input)
    {
        try
        {
            Route(input);
        }
        catch (TaskInputException refused) when (refused.ErrorId == ErrorIds.RunwayTaskBaseUriNotTrusted)
        {
            Source.Refuse(input.Id, input.BaseUri!, refused.Message);
        }
    }

    private CometApiConnection Target(TaskInput input)
    {
        if (baseUriGiven || input.BaseUri is not { } address)
        {
            return resolved;
        }

        try
        {
            return ConnectionResolver.ForTask(resolved, address, input.Id, origin => RunspaceState.Current.HasUsedKeyWith(resolved.ApiKey, origin));
        }
        catch (CometApiConfigurationException error) when (error.Kind == ConfigurationErrorKind.TaskBaseUriNotTrusted)
        {
            throw new TaskInputException(ErrorIds.RunwayTaskBaseUriNotTrusted, error.Message, input.Source, ErrorCategory.SecurityError);
        }
        catch (CometApiConfigurationException error)
        {
            throw new TaskInputException(ErrorIds.InvalidTaskProperty, $"Task '{input.Id}' cannot be read where it says it came from. {error.Message}", input.Source);
        }
    }
}
