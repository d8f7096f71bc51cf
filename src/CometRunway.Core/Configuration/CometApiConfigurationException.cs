namespace CometRunway.Core.Configuration;

/// <summary>The key or base address is missing or unusable; the command cannot go on.</summary>
public sealed class CometApiConfigurationException : Exception
{
    public CometApiConfigurationException(string message)
        : base(message)
    {
    }
}
