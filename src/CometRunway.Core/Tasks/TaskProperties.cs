using System.Collections.ObjectModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CometRunway.Core.Creating;

namespace CometRunway.Core.Tasks;

/// <summary>
/// The fields of a task that the model does not name. It reads like any dictionary; as text (what
/// <c>Export-Csv</c> writes for a property) it is compact JSON.
/// </summary>
public sealed class TaskProperties : ReadOnlyDictionary<string, object?>
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static new TaskProperties Empty { get; } = new(new Dictionary<string, object?>(StringComparer.Ordinal));

    private TaskProperties(IDictionary<string, object?> fields)
        : base(fields)
    {
    }

    /// <summary>The fields as a dictionary of this type: the same instance when they already are one.</summary>
    public static TaskProperties Of(IReadOnlyDictionary<string, object?>? fields) => fields switch
    {
        null => Empty,
        TaskProperties properties => properties,
        _ => new TaskProperties(fields.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)),
    };

    public override string ToString()
    {
        if (Count == 0)
        {
            return string.Empty;
        }

        using var buffer = new MemoryStream();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                PlainJson.Write(writer, Dictionary, "Properties", display: true, unwrap: null);
            }
        }
        catch (RunwayCreateException)
        {
            // A hand-made task may hold values JSON cannot carry; text must never fail.
            return string.Join(", ", Keys);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
