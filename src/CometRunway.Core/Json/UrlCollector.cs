using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CometRunway.Core.Json;

/// <summary>
/// Gathers output and asset URLs in the order they are offered, keeping only absolute http/https URLs and
/// each URL once across both lists.
/// </summary>
internal sealed class UrlCollector
{
    // Made on the first URL: most answers (every one before the task succeeds) have none.
    private HashSet<string>? seen;
    private List<Uri>? output;
    private List<Uri>? assets;

    public IReadOnlyList<Uri> Output => output ?? (IReadOnlyList<Uri>)Array.Empty<Uri>();

    public IReadOnlyList<Uri> Assets => assets ?? (IReadOnlyList<Uri>)Array.Empty<Uri>();

    public void AddOutput(JsonElement obj, string name) => Add(obj, name, isOutput: true);

    public void AddAsset(JsonElement obj, string name) => Add(obj, name, isOutput: false);

    public static bool TryGetWebUrl(string? text, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    private void Add(JsonElement obj, string name, bool isOutput)
    {
        if (JsonFields.TryGet(obj, name, out var value))
        {
            AddValue(value, isOutput, allowArray: true);
        }
    }

    // A place may hold one URL, an array of them, or objects with a "url" field; anything else is skipped.
    private void AddValue(JsonElement value, bool isOutput, bool allowArray)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                AddText(value.GetString(), isOutput);
                break;
            case JsonValueKind.Object when JsonFields.TryGet(value, "url", out var url) && url.ValueKind == JsonValueKind.String:
                AddText(url.GetString(), isOutput);
                break;
            case JsonValueKind.Array when allowArray:
                foreach (var item in value.EnumerateArray())
                {
                    AddValue(item, isOutput, allowArray: false);
                }

                break;
        }
    }

    private void AddText(string? text, bool isOutput)
    {
        if (TryGetWebUrl(text, out var uri) && (seen ??= new(StringComparer.Ordinal)).Add(uri.AbsoluteUri))
        {
            (isOutput ? output ??= [] : assets ??= []).Add(uri);
        }
    }
}
