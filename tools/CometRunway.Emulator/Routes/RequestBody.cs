using System.Text;

namespace CometRunway.Emulator.Routes;

/// <summary>Reads the request body once per request and keeps it for the recorder and the handlers.</summary>
internal static class RequestBody
{
    private static readonly object ItemKey = new();

    public static async Task<string> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is string text)
        {
            return text;
        }

        var body = "";
        if (context.Request.ContentLength is not 0)
        {
            // A GET without a body reads as empty at once; chunked bodies have no length.
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Items[ItemKey] = body;
        return body;
    }
}
