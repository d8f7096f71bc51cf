using System.Collections;
using System.Management.Automation;
using System.Security;
using CometRunway.Core.Configuration;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Lets <c>-ApiKey</c> take what people actually have: a SecureString, a plain string, a PSCredential (its
/// password), or what SecretManagement's Get-Secret returns for any of those.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        try
        {
            return value switch
            {
                null => null,
                ApiKey key => key,
                SecureString secure => ApiKey.FromSecureString(secure),
                string text => ApiKey.FromString(text),
                PSCredential credential => ApiKey.FromSecureString(credential.Password),
                IDictionary table when table.Count == 1 && table.Values.Cast<object?>().Single() is { } only => Transform(engineIntrinsics, only),
                _ => throw new ArgumentTransformationMetadataException(
                    $"-ApiKey takes a SecureString, a string or a PSCredential, not {value.GetType().Name}."),
            };
        }
        catch (ArgumentException e)
        {
            throw new ArgumentTransformationMetadataException(e.Message);
        }
    }
}
