using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>
/// Gathers output and asset URLs in the order they are offered, keeping only absolute http/https URLs and
/// each URL once across both lists.
/// </summary>
internal sealed class UrlCollector
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<Uri> output = [];
    private readonly List<Uri> assets = [];

    public IReadOnlyList<Uri> Output => output;

    public IReadOnlyList<Uri> Assets => assets;

    public void AddOutput(JsonElement obj, string name) => Add(obj, name, output);

    public void AddAsset(JsonElement obj, string name) => Add(obj, name, assets);

    public static bool TryGetWebUrl(string? text, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    private void Add(JsonElement obj, string name, List<Uri> target)
    {
        if (JsonFields.TryGet(obj, name, out JsonElement value))
        {
            AddValue(value, target, allowArray: true);
        }
    }

    // A place may hold one URL, an array of them, or objects with a "url" field; anything else is skipped.
    private void AddValue(JsonElement value, List<Uri> target, bool allowArray)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                AddText(value.GetString(), target);
                break;
            case JsonValueKind.Object when JsonFields.TryGet(value, "url", out JsonElement url) && url.ValueKind == JsonValueKind.String:
                AddText(url.GetString(), target);
                break;
            case JsonValueKind.Array when allowArray:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    AddValue(item, target, allowArray: false);
                }

                break;
        }
    }

    private void AddText(string? text, List<Uri> target)
    {
        if (TryGetWebUrl(text, out Uri? uri) && seen.Add(uri.AbsoluteUri))
        {
            target.Add(uri);
        }
    }
}
