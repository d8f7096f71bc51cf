namespace CometRunway.Core.Configuration;

/// <summary>Why the key or base address cannot be used. The cmdlets map each kind to an error id and category.</summary>
public enum ConfigurationErrorKind
{
    /// <summary>No key in -ApiKey, the Connect-CometApi session or COMETAPI_KEY.</summary>
    KeyMissing,

    /// <summary>A key was found but cannot be sent, such as a COMETAPI_KEY with white space or control characters.</summary>
    KeyInvalid,

    /// <summary>The base address is not an absolute http(s) URL, carries user information, a query or a fragment, or is plain http to another machine without permission.</summary>
    BaseUriInvalid,

    /// <summary>
    /// A task came from another base address than the one the key was resolved for, and the key has not been used
    /// with that address in this session: it is not sent there.
    /// </summary>
    TaskBaseUriNotTrusted,
}
