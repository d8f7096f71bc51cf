namespace CometRunway.Emulator.Faults;

/// <summary>What a matching fault rule does to the response.</summary>
public enum FaultAction
{
    /// <summary>Answer normally (after the rule's delay, if any).</summary>
    None,

    /// <summary>The rule's status code, body and headers.</summary>
    Status,

    /// <summary>A gateway error envelope <c>{"error":{"message","type","param","code"}}</c>.</summary>
    Gateway,

    /// <summary>An HTML page, as proxies and wrong paths send.</summary>
    Html,

    /// <summary>A redirect to the rule's location.</summary>
    Redirect,

    /// <summary>The normal JSON body cut half-way (valid prefix, invalid document).</summary>
    Truncated,

    /// <summary>Headers and part of the body, then the connection is aborted.</summary>
    Reset,

    /// <summary>The connection is aborted before any byte of the response.</summary>
    Drop,
}
