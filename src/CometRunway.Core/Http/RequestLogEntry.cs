namespace CometRunway.Core.Http;

/// <summary>One line of what the client did, for <c>-Verbose</c>. Never holds the key.</summary>
internal sealed record RequestLogEntry(string Message);
