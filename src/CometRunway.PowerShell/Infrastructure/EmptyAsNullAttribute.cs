using System.Management.Automation;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Binds an empty or blank string as "not given". An empty CSV cell would otherwise become 0 for a number (a valid seed),
/// a silent wrong value instead of the default.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
}
