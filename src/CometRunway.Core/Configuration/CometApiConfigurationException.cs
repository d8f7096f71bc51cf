namespace CometRunway.Core.Configuration;

/// <summary>The key or base address is missing or unusable; the command cannot go on. <see cref="Kind"/> says which.</summary>
public sealed class CometApiConfigurationException : Exception
{
    public CometApiConfigurationException(ConfigurationErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public ConfigurationErrorKind Kind { get; }
}
