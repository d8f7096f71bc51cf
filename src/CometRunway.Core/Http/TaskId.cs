namespace CometRunway.Core.Http;

/// <summary>Checks a task id before it goes into a URL or a request body.</summary>
public static class TaskId
{
    public const int MaxLength = 256;

    /// <summary>Returns the trimmed id, or throws <see cref="ArgumentException"/> saying why it is not an id.</summary>
    public static string Validate(string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException("The task id is empty.");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new ArgumentException($"The task id is {trimmed.Length} characters long; task ids are at most {MaxLength}.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new ArgumentException("The task id contains control characters.");
        }

        // A lone surrogate cannot be encoded: escaping would silently send U+FFFD, another id.
        if (HasLoneSurrogate(trimmed))
        {
            throw new ArgumentException("The task id contains a lone UTF-16 surrogate (half of a character), which cannot be sent as text.");
        }

        if (trimmed.All(c => c == '.'))
        {
            throw new ArgumentException($"'{trimmed}' is not a task id.");
        }

        return trimmed;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The id as one escaped path segment: '/', '?', '#', '%' and spaces cannot change the URL's meaning.</summary>
    public static string AsPathSegment(string id) => Uri.EscapeDataString(id);
}
