using System.Text.Json;
using System.Text.RegularExpressions;

namespace CometRunway.Emulator.Creating;

/// <summary>
/// Checks a create body field by field, the way the documentation describes the routes; keeps the first
/// <see cref="Refusal"/>. Paths are dotted (<c>options.seconds</c>); a JSON null counts as absent.
/// </summary>
internal sealed partial class BodyCheck(JsonElement body, CreateSettings settings)
{
    public const int MaxPromptLength = 1000;
    public const long MaxSeed = 4_294_967_295;

    public Refusal? Problem { get; private set; }

    public BodyCheck CallbackUrl()
    {
        if (Problem is null && (!TryGet("callback_url", out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString())))
        {
            Refuse(Refusal.CallbackUrlEmpty, "callback_url", Refusal.CallbackUrlEmpty);
        }

        return this;
    }

    /// <summary>The model: required or not, and refused when retired (if the settings say so).</summary>
    public BodyCheck Model(bool required = true)
    {
        Text("model", required);
        if (Problem is null && TryGet("model", out var model)
            && settings.RefuseRetiredModels && settings.RetiredModels.TryGetValue(model.GetString()!, out var replacement))
        {
            Refuse(Refusal.ModelRetired, "model", $"The model '{model.GetString()}' is no longer available; use '{replacement}'.");
        }

        return this;
    }

    public BodyCheck Text(string path, bool required = false, int maxLength = int.MaxValue)
    {
        if (Problem is not null)
        {
            return this;
        }

        if (!TryGet(path, out var value))
        {
            return required ? Refuse(Refusal.InvalidRequest, path, $"{path}: Required.") : this;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Refuse(Refusal.InvalidRequest, path, $"{path}: Expected a string, received {Kind(value)}.");
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            return Refuse(Refusal.InvalidRequest, path, $"{path}: Must not be empty.");
        }

        return text.Length > maxLength
            ? Refuse(Refusal.InvalidRequest, path, $"{path}: Must be at most {maxLength} characters; received {text.Length}.")
            : this;
    }

    public BodyCheck Prompt(string path, bool required = false) => Text(path, required, MaxPromptLength);

    public BodyCheck Integer(string path, long min, long max)
    {
        if (Problem is not null || !TryGet(path, out var value))
        {
            return this;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max
            ? this
            : Refuse(Refusal.InvalidRequest, path, $"{path}: Expected a whole number from {min} to {max}, received {value.GetRawText()}.");
    }

    public BodyCheck Seed() => Integer("seed", 0, MaxSeed);

    public BodyCheck Ratio(bool required = false)
    {
        Text("ratio", required);
        if (Problem is null && TryGet("ratio", out var ratio) && !RatioForm().IsMatch(ratio.GetString()!))
        {
            Refuse(Refusal.InvalidRequest, "ratio", $"ratio: '{ratio.GetString()}' is not a valid ratio; write it as width:height, e.g. 1280:720.");
        }

        return this;
    }

    /// <summary>A URL or data URI string, or (Runway's array form) a list of <c>{uri, position}</c> objects.</summary>
    public BodyCheck Asset(string path, AssetKind kinds, bool required = true)
    {
        if (Problem is not null)
        {
            return this;
        }

        if (!TryGet(path, out var value))
        {
            return required ? Refuse(Refusal.InvalidRequest, path, $"{path}: Required.") : this;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return AssetValue(path, value, kinds);
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            AssetObject($"{path}[{index++}]", item, kinds);
        }

        return index == 0 ? Refuse(Refusal.InvalidRequest, path, $"{path}: Must not be empty.") : this;
    }

    /// <summary><c>{type, uri}</c> where type is one of <paramref name="types"/> (<c>image</c>, <c>video</c>).</summary>
    public BodyCheck TypedAsset(string path, params string[] types)
    {
        if (Problem is not null)
        {
            return this;
        }

        if (!TryGet(path, out var value))
        {
            return Refuse(Refusal.InvalidRequest, path, $"{path}: Required.");
        }

        var type = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is null || Array.IndexOf(types, type) < 0)
        {
            return Refuse(Refusal.InvalidRequest, path + ".type", $"{path}.type: Expected {string.Join(" or ", types.Select(x => $"'{x}'"))}.");
        }

        return AssetObject(path, value, type == "video" ? AssetKind.Video : AssetKind.Image);
    }

    /// <summary>An array of <c>{uri, tag?}</c> with <paramref name="min"/> to <paramref name="max"/> items.</summary>
    public BodyCheck References(string path, int min, int max, string emptyCode)
    {
        if (Problem is not null)
        {
            return this;
        }

        var count = TryGet(path, out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;
        if (count == 0 && min > 0)
        {
            return Refuse(emptyCode, path, emptyCode == Refusal.InvalidRequest ? $"{path}: Required." : emptyCode);
        }

        if (count > max)
        {
            return Refuse(Refusal.InvalidRequest, path, $"{path}: At most {max} items are allowed; received {count}.");
        }

        var index = 0;
        foreach (var item in count > 0 ? value.EnumerateArray().ToArray() : [])
        {
            var itemPath = $"{path}[{index++}]";
            AssetObject(itemPath, item, AssetKind.Image);
            if (Problem is null && item.TryGetProperty("tag", out var tag) && tag.ValueKind != JsonValueKind.Null
                && (tag.ValueKind != JsonValueKind.String || !TagForm().IsMatch(tag.GetString()!)))
            {
                Refuse(Refusal.InvalidRequest, itemPath + ".tag", $"{itemPath}.tag: 3 to 16 letters, digits or underscores, starting with a letter.");
            }
        }

        return this;
    }

    private BodyCheck AssetObject(string path, JsonElement item, AssetKind kinds) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("uri", out var uri)
            ? AssetValue(path + ".uri", uri, kinds)
            : Refuse(Refusal.InvalidRequest, path, $"{path}: Expected an object with a \"uri\".");

    private BodyCheck AssetValue(string path, JsonElement value, AssetKind kinds)
    {
        if (Problem is not null)
        {
            return this;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Refuse(Refusal.InvalidRequest, path, $"{path}: Expected a URL string, received {Kind(value)}.");
        }

        return AssetRules.Problem(value.GetString()!, kinds) is { } problem
            ? Refuse(Refusal.InvalidAsset, path, $"{path}: {problem}")
            : this;
    }

    private bool TryGet(string path, out JsonElement value)
    {
        value = body;
        foreach (var name in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                return false;
            }
        }

        return value.ValueKind != JsonValueKind.Null;
    }

    private BodyCheck Refuse(string code, string field, string message)
    {
        Problem ??= new Refusal(code, field, message);
        return this;
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    [GeneratedRegex(@"\A[0-9]{1,5}:[0-9]{1,5}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RatioForm();

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_]{2,15}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagForm();
}
