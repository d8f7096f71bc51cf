using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CometRunway.Core.Creating;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// Request fields as a script writes them (hashtables, ordered dictionaries, PSCustomObjects, FileInfo objects), turned
/// into the plain values a create body is written from.
/// </summary>
internal static class ScriptValues
{
    /// <summary>
    /// The fields of a hashtable, an ordered dictionary or a PSCustomObject, in their order.
    /// </summary>
    /// <exception cref="RunwayCreateException">Kind InvalidRequest, naming <paramref name="parameterName"/>: not one of those.</exception>
    public static IReadOnlyDictionary<string, object?> Fields(object value, string parameterName)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (value is PSObject wrapped && wrapped.BaseObject is PSCustomObject ? value : Unwrap(value))
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    fields[Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? ""] = entry.Value;
                }

                return fields;
            case PSObject custom:
                foreach (var property in custom.Properties)
                {
                    fields[property.Name] = property.Value;
                }

                return fields;
            default:
                throw new RunwayCreateException(CreateErrorKind.InvalidRequest,
                    $"{parameterName} must be a hashtable, an ordered dictionary, a PSCustomObject or a JSON object string, not a {Unwrap(value)?.GetType().Name ?? "null"}.")
                {
                    ParameterName = parameterName,
                };
        }
    }

    /// <summary>
    /// What <see cref="CreateRequest.ValueUnwrapper"/> applies to every field value: the object behind a PSObject, a
    /// PSCustomObject's properties as a dictionary, and a FileInfo as the file sent inline (checked like any media input).
    /// </summary>
    public static Func<object, object?> Unwrapper(string parameterName) => value => value switch
    {
        PSObject { BaseObject: PSCustomObject } custom => Fields(custom, parameterName),
        PSObject { BaseObject: FileInfo file } => MediaInput.FromFile(file.FullName, parameterName),
        FileInfo file => MediaInput.FromFile(file.FullName, parameterName),
        PSObject wrapped => wrapped.BaseObject,
        _ => value,
    };

    /// <summary>The object itself, not PowerShell's wrapper around it.</summary>
    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
