using System.Collections;
using System.Management.Automation;
using CometRunway.Core.Creating;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// The create cmdlets of one documented route: the request is made from the parameters, bound by property name so that
/// CSV rows create one task each, plus -ExtraField for body fields a cmdlet has no parameter for yet.
/// </summary>
/// <remarks>
/// Only the main input is mandatory to PowerShell; every other field the route requires is checked by the request,
/// whose error names the parameter, so that an empty CSV cell is an error for that row, not a prompt.
/// </remarks>
public abstract class TypedCreateCommandBase : CreateCommandBase
{
    /// <summary>More body fields, for fields this cmdlet has no parameter for yet.</summary>
    [Parameter]
    [Alias("ExtraFields")]
    public IDictionary? ExtraField { get; set; }

    protected IReadOnlyDictionary<string, object?> ExtraFields =>
        ExtraField is null ? new Dictionary<string, object?>() : ScriptValues.Fields(ExtraField, nameof(ExtraField));

    protected Func<object, object?> Unwrapper => ScriptValues.Unwrapper(nameof(ExtraField));

    protected override string ParameterFor(string requestProperty) =>
        requestProperty == nameof(CreateRequest.ExtraFields) ? nameof(ExtraField) : base.ParameterFor(requestProperty);

    /// <summary>The request of the parameters; <paramref name="taskOutput"/>, when given, replaces the main input.</summary>
    protected abstract CreateRequest Request(MediaInput? taskOutput);

    protected override IEnumerable<(Func<CreateRequest> Make, object? Input)> RecordRequests() => [(() => Request(null), null)];

    /// <summary>An image or video given as a path, a URL or a data URI; null when not given.</summary>
    protected MediaInput? Media(string? value, string parameterName) => MediaInputResolver.Resolve(this, value, parameterName);

    /// <summary>Several images or videos, in order; empty when none were given.</summary>
    protected IReadOnlyList<MediaInput> Media(IEnumerable<string>? values, string parameterName) =>
        (values ?? []).Select(value => Media(value, parameterName)).OfType<MediaInput>().ToList();
}
