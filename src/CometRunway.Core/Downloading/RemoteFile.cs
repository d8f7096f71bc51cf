using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace CometRunway.Core.Downloading;

/// <summary>
/// What a file host said about the file: its length and validators. A validator (a strong ETag, else
/// Last-Modified) lets a transfer resume with Range and If-Range; it is recorded beside a partial file in a
/// few text lines, so a later run can resume too.
/// </summary>
internal sealed record RemoteFile(long? Length, EntityTagHeaderValue? ETag, DateTimeOffset? LastModified)
{
    public static RemoteFile Unknown { get; } = new(null, null, null);

    public bool CanResume => ETag is not null || LastModified is not null;

    /// <summary>From a 200 (the whole file) or a 206 (its total from Content-Range).</summary>
    public static RemoteFile From(HttpResponseMessage response)
    {
        var headers = response.Content.Headers;
        var length = response.StatusCode == HttpStatusCode.PartialContent ? headers.ContentRange?.Length : headers.ContentLength;
        return new RemoteFile(length, response.Headers.ETag is { IsWeak: false } etag ? etag : null, headers.LastModified);
    }

    /// <summary>
    /// Whether <paramref name="answered"/> (what a 206 said) proves it is the rest of this file: the same total length,
    /// and the same strong ETag, or without one the same Last-Modified. A host that ignores If-Range sends the rest of
    /// whatever it has now, and those bytes must not be spliced onto these.
    /// </summary>
    public bool IsSameFileAs(RemoteFile answered)
    {
        if (Length is not null && answered.Length != Length)
        {
            return false;
        }

        if (ETag is not null)
        {
            return answered.ETag is not null && answered.ETag.Tag == ETag.Tag;
        }

        return LastModified is not null && answered.LastModified == LastModified;
    }

    /// <summary>Asks for the rest of the file from <paramref name="offset"/>, only if it is still this file.</summary>
    public void AskForRest(HttpRequestMessage request, long offset)
    {
        request.Headers.Range = new RangeHeaderValue(offset, null);
        request.Headers.IfRange = ETag is not null ? new RangeConditionHeaderValue(ETag) : new RangeConditionHeaderValue(LastModified!.Value);
    }

    /// <summary>The lines written beside a partial file.</summary>
    public string ToText() =>
        string.Create(CultureInfo.InvariantCulture, $"length: {Length}\netag: {ETag}\nlast-modified: {LastModified?.ToString("r", CultureInfo.InvariantCulture)}\n");

    /// <summary>Reads <see cref="ToText"/>'s lines; null unless they give a length and a validator.</summary>
    public static RemoteFile? Parse(string text)
    {
        long? length = null;
        EntityTagHeaderValue? etag = null;
        DateTimeOffset? lastModified = null;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
            switch (colon < 0 ? string.Empty : line[..colon])
            {
                case "length" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed):
                    length = parsed;
                    break;
                case "etag" when EntityTagHeaderValue.TryParse(value, out var parsed) && !parsed.IsWeak:
                    etag = parsed;
                    break;
                case "last-modified" when DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                    lastModified = parsed;
                    break;
            }
        }

        var file = new RemoteFile(length, etag, lastModified);
        return length is not null && file.CanResume ? file : null;
    }
}
