using System.Collections;
using System.Globalization;
using System.Management.Automation;
using CometRunway.Core.Configuration;
using CometRunway.Core.Json;
using CometRunway.Core.Tasks;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>
/// One task as it arrives on the pipeline: a live task, a task id, or any object that names one, such as a task
/// deserialized by Import-Clixml, Start-Job or remoting, a row of Import-Csv, a [pscustomobject] or a hashtable.
/// </summary>
/// <param name="Id">The task id, as given (validated where it is read).</param>
/// <param name="Format">The route the object names (Format or Route property), or null when it names none.</param>
/// <param name="BaseUri">The base address the object says the task came from, or null.</param>
/// <param name="Task">The live task, when the input was one.</param>
/// <param name="Output">Output links the object lists (Output property), or null when it lists none.</param>
/// <param name="Status">The status the object states, or null.</param>
/// <param name="Source">What arrived, for error records.</param>
internal sealed record TaskInput(string Id, RunwayTaskFormat? Format, Uri? BaseUri, RunwayTask? Task, IReadOnlyList<Uri>? Output, RunwayTaskStatus? Status, object Source)
{
    /// <summary>The property names an id is read from, in this order.</summary>
    public static readonly string[] IdNames = ["Id", "TaskId", "task_id"];

    private const int NamesShown = 10;

    public static TaskInput ForId(string id) => new(id, null, null, null, null, null, id);

    /// <summary>Reads a pipeline object.</summary>
    /// <param name="item">What arrived.</param>
    /// <param name="withOutput">Also read Output and Status, which only saving uses (others would only fail on them).</param>
    /// <exception cref="TaskInputException">The object names no task id, or a property it has cannot be used.</exception>
    public static TaskInput Read(object item, bool withOutput = false)
    {
        var value = ScriptValues.Unwrap(item);
        if (value is RunwayTask task)
        {
            return new TaskInput(task.Id, task.Format, task.BaseUri, task, task.Output, task.Status, task);
        }

        if (AsId(value) is { } plainId)
        {
            return ForId(plainId);
        }

        var fields = Fields.Of(item);
        var (idName, idValue) = fields.First(IdNames);
        if (idName is null)
        {
            throw new TaskInputException(ErrorIds.TaskIdPropertyMissing, NoIdMessage(fields), item);
        }

        var id = IdOf(idName, idValue, item);
        return new TaskInput(
            id, FormatOf(fields, item), BaseUriOf(fields, id), null, withOutput ? OutputOf(fields, item) : null, withOutput ? StatusOf(fields, item) : null, item);
    }

    private static string NoIdMessage(Fields fields)
    {
        var names = fields.Names.ToList();
        var has = names.Count == 0
            ? "it has no properties"
            : "its properties are " + string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : string.Empty);
        return $"The input object names no task: {has}. A task id is read from a property named Id, TaskId or task_id " +
            "(for a CSV column of another name, rename it: Select-Object @{ Name = 'Id'; Expression = { $_.'task-id' } }).";
    }

    private static string IdOf(string name, object? value, object item) => ScriptValues.Unwrap(value) switch
    {
        null => throw Invalid(item, $"Its {name} is empty; it must hold the task id."),
        var plain => AsId(plain) ?? throw Invalid(item, $"Its {name} is {Describe(plain)}, not a task id; give one id per object."),
    };

    /// <summary>Text and whole numbers are ids as they are written (a number column of a CSV file); nothing else is.</summary>
    private static string? AsId(object? value) => value is string or char or Guid or sbyte or byte or short or ushort or int or uint or long or ulong
        ? Convert.ToString(value, CultureInfo.InvariantCulture)
        : null;

    private static RunwayTaskFormat? FormatOf(Fields fields, object item) => Choice<RunwayTaskFormat>(fields, item, "use Official or Feed", "Format", "Route");

    /// <summary>
    /// Checked as a base address even when -BaseUri overrides it: an object that carries a bad one is not a task. The
    /// error's target is the id, not the object, whose text (shown in the error view) could hold the address's user information.
    /// </summary>
    private static Uri? BaseUriOf(Fields fields, string id)
    {
        object item = id;
        var (name, value) = fields.First("BaseUri");
        var text = ScriptValues.Unwrap(value) switch
        {
            null => null,
            Uri uri => uri.OriginalString,
            string written => written,
            var other => throw Invalid(item, $"Its {name} is {Describe(other)}, not a base address."),
        };

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return ConnectionResolver.ParseBaseUri(text, allowUnencryptedAuthentication: true);
        }
        catch (CometApiConfigurationException error)
        {
            throw Invalid(item, $"Its {name}: {error.Message}");
        }
    }

    /// <summary>A status by name, or as the API writes it (SUCCESS, IN_PROGRESS, NOT_START...: a saved answer piped on).</summary>
    private static RunwayTaskStatus? StatusOf(Fields fields, object item)
    {
        var (_, value) = fields.First("Status");
        return ScriptValues.Unwrap(value) is string text && !Enum.TryParse<RunwayTaskStatus>(text.Trim(), ignoreCase: true, out _)
            && RunwayStatusNormalizer.Normalize(text) is var normalized and not RunwayTaskStatus.Unknown
            ? normalized
            : Choice<RunwayTaskStatus>(fields, item, "use a status such as Succeeded", "Status");
    }

    /// <summary>
    /// A name of <typeparamref name="T"/> (any case), the value itself, or its number (a task deserialized without
    /// this module's type data carries its enums as numbers); null when the property is missing or empty.
    /// </summary>
    private static T? Choice<T>(Fields fields, object item, string advice, params string[] names)
        where T : struct, Enum
    {
        var (name, value) = fields.First(names);
        switch (ScriptValues.Unwrap(value))
        {
            case null:
            case string text when string.IsNullOrWhiteSpace(text):
                return null;
            case T choice:
                return choice;
            case string text when NameOf<T>(text) is { } defined:
                return Enum.Parse<T>(defined);
            case int or long when Enum.IsDefined(typeof(T), Convert.ToInt64(ScriptValues.Unwrap(value), CultureInfo.InvariantCulture)):
                return (T)Enum.ToObject(typeof(T), Convert.ToInt64(ScriptValues.Unwrap(value), CultureInfo.InvariantCulture));
            case var other:
                throw Invalid(item, $"Its {name} is {Describe(other)}; {advice}.");
        }
    }

    /// <summary>
    /// The one defined name <paramref name="text"/> spells (any case): not a number ('-1', '+7'), and not a
    /// combination ('Official, Feed'), which Enum.TryParse would both turn into a value.
    /// </summary>
    private static string? NameOf<T>(string text)
        where T : struct, Enum => Enum.GetNames<T>().FirstOrDefault(name => string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Links as a task lists them, as a deserialized list, or as text with links separated by spaces (Export-Csv).</summary>
    private static IReadOnlyList<Uri>? OutputOf(Fields fields, object item)
    {
        var (name, value) = fields.First("Output");
        var entries = ScriptValues.Unwrap(value) switch
        {
            null => [],
            string text => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
            Uri uri => [uri],
            IEnumerable list => list.Cast<object?>().Select(ScriptValues.Unwrap),
            var other => throw Invalid(item, $"Its {name} is {Describe(other)}, not a list of links."),
        };

        var links = new List<Uri>();
        foreach (var entry in entries)
        {
            links.Add(entry switch
            {
                Uri { IsAbsoluteUri: true } uri => uri,
                string text when Uri.TryCreate(text, UriKind.Absolute, out var uri) => uri,
                _ => throw Invalid(item, $"Its {name} holds {Describe(entry)}, which is not an absolute link."),
            });
        }

        return links.Count == 0 ? null : links;
    }

    /// <summary>A value for a message: text quoted and cut short, anything else by its type.</summary>
    private static string Describe(object? value) => ScriptValues.Unwrap(value) switch
    {
        null => "empty",
        string text => "'" + (text.Length <= 60 ? text : text[..60] + "…") + "'",
        Uri uri => "'" + Core.Http.UrlDisplay.Describe(uri) + "'",
        var other when other.GetType().IsPrimitive => other.ToString()!,
        ICollection list and not IDictionary => list.Count == 1 ? "a list of 1 value" : $"a list of {list.Count} values",
        var other => (other.GetType().Name[0] is 'A' or 'E' or 'I' or 'O' or 'U' ? "an " : "a ") + other.GetType().Name,
    };

    private static TaskInputException Invalid(object item, string problem) =>
        new(ErrorIds.InvalidTaskProperty, "The input object cannot be used as a task. " + problem, item);

    /// <summary>The properties of a PSObject or the keys of a dictionary, looked up without regard to case; values are read only when asked for.</summary>
    private sealed class Fields
    {
        private readonly IDictionary? dictionary;
        private readonly PSObject? properties;

        private Fields(IDictionary? dictionary, PSObject? properties)
        {
            this.dictionary = dictionary;
            this.properties = properties;
        }

        public IEnumerable<string> Names => dictionary is not null
            ? dictionary.Keys.Cast<object?>().Select(key => Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty)
            : properties!.Properties.Select(property => property.Name);

        public static Fields Of(object item) => (item is PSObject wrapped ? wrapped.BaseObject : item) is IDictionary dictionary
            ? new Fields(dictionary, null)
            : new Fields(null, PSObject.AsPSObject(item));

        /// <summary>The first of <paramref name="names"/> that is present with a value, else the first present, else none.</summary>
        public (string? Name, object? Value) First(params string[] names)
        {
            (string? Name, object? Value) firstPresent = (null, null);
            foreach (var name in names)
            {
                if (!TryGet(name, out var actualName, out var value))
                {
                    continue;
                }

                if (ScriptValues.Unwrap(value) is not null)
                {
                    return (actualName, value);
                }

                firstPresent = firstPresent.Name is null ? (actualName, null) : firstPresent;
            }

            return firstPresent;
        }

        private bool TryGet(string name, out string actualName, out object? value)
        {
            if (dictionary is not null)
            {
                var key = dictionary.Keys.Cast<object?>().FirstOrDefault(k => string.Equals(Convert.ToString(k, CultureInfo.InvariantCulture), name, StringComparison.OrdinalIgnoreCase));
                actualName = key is null ? name : Convert.ToString(key, CultureInfo.InvariantCulture)!;
                value = key is null ? null : dictionary[key];
                return key is not null;
            }

            var property = properties!.Properties[name];
            actualName = property?.Name ?? name;
            value = property is null ? null : ValueOf(property);
            return property is not null;
        }

        // A property whose getter throws counts as empty, as it does for ConvertTo-Json.
        private static object? ValueOf(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }
    }
}
