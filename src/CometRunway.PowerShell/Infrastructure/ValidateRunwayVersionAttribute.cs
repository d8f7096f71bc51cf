using System.Management.Automation;
using System.Text.RegularExpressions;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// A Runway API version: a date, yyyy-MM-dd in ASCII digits (\d would also let other scripts' digits through to the
/// header). A wrong one is refused in words an admin reads, not with the raw pattern (PowerShellStandard's
/// ValidatePattern has no ErrorMessage).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed partial class ValidateRunwayVersionAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is not string version || !VersionForm().IsMatch(version))
        {
            throw new ValidationMetadataException(
                $"'{value}' is not a Runway API version; give the date of one in the form yyyy-MM-dd, such as {Core.Http.RunwayClientOptions.DefaultRunwayVersion} (tab completion lists the known ones).");
        }
    }

    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionForm();
}
