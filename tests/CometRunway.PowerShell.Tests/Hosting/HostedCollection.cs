namespace CometRunway.PowerShell.Tests.Hosting;

/// <summary>Hosted-engine tests set process environment variables, so they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class HostedCollection
{
    public const string Name = "Hosted PowerShell";
}
