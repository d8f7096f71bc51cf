using System.Globalization;

namespace CometRunway.Core.Json;

/// <summary>
/// Text a server wrote that goes into a task's failure or an error message: at most <see cref="MaxChars"/>
/// characters, so a megabytes-long failure text cannot become a megabytes-long error record.
/// </summary>
internal static class ServerText
{
    public const int MaxChars = 2000;

    /// <summary>The text, or its first <see cref="MaxChars"/> characters followed by how long it was.</summary>
    public static string? Cap(string? text)
    {
        if (text is null || text.Length <= MaxChars)
        {
            return text;
        }

        // Never cut a character in half.
        var cut = char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
        return string.Create(CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}… (cut at {cut} of {text.Length} characters)");
    }
}
