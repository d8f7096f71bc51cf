using System.Management.Automation;
using CometRunway.Core.Configuration;
using CometRunway.PowerShell.Infrastructure;

namespace CometRunway.PowerShell.Commands;

/// <summary>
/// Remembers a CometAPI key, base address and request settings (-RunwayVersion, -RequestTimeoutSec,
/// -MaximumRetryCount) for the rest of this runspace.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "CometApi", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(CometApiSession))]
public sealed class ConnectCometApiCommand : RequestSettingsCommandBase
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";

    /// <summary>The key: a SecureString (e.g. from Get-Secret), or a plain string.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
    [ApiKeyTransformation]
    public ApiKey? ApiKey { get; set; }

    /// <summary>A credential whose password is the key; the user name is ignored.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The API's base address; defaults to COMETAPI_BASE_URL or https://api.cometapi.com.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseUri { get; set; }

    /// <summary>Allow a plain http:// base address on a host other than this machine, which sends the key unencrypted.</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedAuthentication { get; set; }

    /// <summary>Write the session (with the key masked) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var key = ApiKey ?? ApiKey.FromSecureString(Credential!.Password);
            var baseUri = BaseUri is null ? null : ConnectionResolver.ParseBaseUri(BaseUri, AllowUnencryptedAuthentication.IsPresent);
            var session = new CometApiSession(key, baseUri, AllowUnencryptedAuthentication.IsPresent)
            {
                RequestTimeout = RequestTimeoutSec is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                MaximumRetryCount = MaximumRetryCount,
                RunwayVersion = RunwayVersion,
            };

            // Checked now, so that a setting that cannot work fails here and not in every later command.
            ApiSettings.Resolve(null, null, null, session, null, null);
            RunspaceState.Current.Session = session;
            WriteVerbose($"Connected: requests in this session go to {baseUri?.ToString() ?? "the default address"} with the given key.");
            if (PassThru)
            {
                WriteObject(session);
            }
        }
        catch (Exception error) when (error is CometApiConfigurationException or ArgumentException)
        {
            ThrowTerminatingError(ErrorRecords.Create(error, ErrorIds.CometApiConnectInvalidArgument, ErrorCategory.InvalidArgument, BaseUri));
        }
    }
}
