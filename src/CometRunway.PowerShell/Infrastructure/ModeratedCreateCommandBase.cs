using System.Management.Automation;
using CometRunway.Core.Creating;
using CometRunway.PowerShell.Completion;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>The media create cmdlets of the official routes that take Runway's contentModeration object.</summary>
public abstract class ModeratedCreateCommandBase : MediaCreateCommandBase
{
    /// <summary>contentModeration.publicFigureThreshold: auto or low.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ModerationCompleter))]
    public string? PublicFigureThreshold { get; set; }

    /// <summary>contentModeration, when a public-figure threshold was given.</summary>
    private protected ContentModeration? RequestedModeration =>
        Given(PublicFigureThreshold) is { } threshold ? new ContentModeration { PublicFigureThreshold = threshold } : null;
}
