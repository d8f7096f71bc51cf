using System.Management.Automation;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The parameters every command that talks to CometAPI shares (the request settings of its base class too), and how
/// they become a client: each overrides Connect-CometApi, which overrides the defaults.
/// </summary>
public abstract class ApiCommandBase : RequestSettingsCommandBase
{
    /// <summary>The CometAPI key. Overrides Connect-CometApi and COMETAPI_KEY.</summary>
    [Parameter]
    [ApiKeyTransformation]
    public ApiKey? ApiKey { get; set; }

    /// <summary>The API's base address. Overrides Connect-CometApi and COMETAPI_BASE_URL.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseUri { get; set; }

    /// <summary>Allow sending the key over plain http:// to a host other than this machine.</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedAuthentication { get; set; }

    /// <summary>
    /// Resolves key and base address (parameters, then session, then environment) or stops the command
    /// with one error that says how to provide them.
    /// </summary>
    private protected CometApiConnection ResolveConnection() => ResolveConnection(keyIsOptional: false)!;

    /// <summary>
    /// Like <see cref="ResolveConnection()"/>, but no key at all gives null instead of an error, for commands
    /// that work without the API; an unusable base address still stops the command.
    /// </summary>
    private protected CometApiConnection? ResolveConnection(bool keyIsOptional)
    {
        try
        {
            var connection = ConnectionResolver.Resolve(
                ApiKey, BaseUri, RunspaceState.Current.Session, Environment.GetEnvironmentVariable, AllowUnencryptedAuthentication.IsPresent);
            RunspaceState.Current.RememberKeyUse(connection.ApiKey, connection.BaseUri);
            return connection;
        }
        catch (CometApiConfigurationException error) when (keyIsOptional && error.Kind == ConfigurationErrorKind.KeyMissing)
        {
            return null;
        }
        catch (CometApiConfigurationException error)
        {
            ThrowTerminatingError(ErrorRecords.FromConfiguration(error, BaseUri));
            throw;
        }
    }

    /// <summary>Writes a task to the pipeline and remembers its id for the completion of -Id.</summary>
    protected void WriteTask(RunwayTask task)
    {
        RunspaceState.Current.RememberTaskId(task.Id);
        WriteObject(task);
    }

    /// <summary>
    /// Reads each task at the base address it came from (unless -BaseUri was given), where the key may go; clients
    /// are made as <see cref="CreateClient"/> makes them.
    /// </summary>
    private protected TaskRoutes CreateRoutes(CometApiConnection connection, Action<string>? verbose, RetryPolicy? retry = null) =>
        new(connection, !string.IsNullOrWhiteSpace(BaseUri), target => CreateClient(target, verbose, retry));

    /// <param name="verbose">Receives each request's log line; null when verbose output is off.</param>
    /// <param name="retry">Null for the retries the settings say; the waiter passes none because it paces requests itself.</param>
    private protected RunwayClient CreateClient(CometApiConnection connection, Action<string>? verbose, RetryPolicy? retry = null) =>
        new(connection, ClientOptions(verbose, retry));

    /// <summary>
    /// How requests are sent, from -RequestTimeoutSec, -MaximumRetryCount and -RunwayVersion, else the Connect-CometApi
    /// session, else the defaults (<see cref="ApiSettings"/>). Every command that talks to CometAPI builds its client or
    /// creator with these options; settings that cannot work stop the command with CometApiSettingInvalid.
    /// </summary>
    /// <param name="verbose">Receives each request's log line; null when verbose output is off.</param>
    /// <param name="retry">A retry policy the command needs whatever the settings say, or null.</param>
    private protected RunwayClientOptions ClientOptions(Action<string>? verbose, RetryPolicy? retry = null)
    {
        try
        {
            return ApiSettings.Resolve(RequestTimeoutSec, MaximumRetryCount, RunwayVersion, RunspaceState.Current.Session, retry, verbose)
                with { Pauses = RunspaceState.Current.Pauses };
        }
        catch (ArgumentException unusable)
        {
            ThrowTerminatingError(ErrorRecords.Create(unusable, ErrorIds.CometApiSettingInvalid, ErrorCategory.InvalidArgument, null));
            throw;
        }
    }
}
