namespace CometRunway.Core.Http;

/// <summary>
/// Checks text before it goes into a request header. A CR or LF would end the header early (a bare LF passes
/// .NET's own check), and anything outside printable ASCII cannot be sent as is.
/// </summary>
internal static class HeaderValue
{
    /// <summary>Printable ASCII (space to '~'), not empty, with no space at either end.</summary>
    public static bool IsValid(string? value) => value is { Length: > 0 } && FirstInvalid(value) < 0 && value.Trim().Length == value.Length;

    /// <summary>Returns <paramref name="value"/>, or throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <param name="value">The header value.</param>
    /// <param name="what">What the value is, to start the message: "The X-Runway-Version value".</param>
    public static string Validate(string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{what} is empty.");
        }

        var invalid = FirstInvalid(value);
        if (invalid >= 0)
        {
            throw new ArgumentException(
                $"{what} contains {Describe(value[invalid])} at position {invalid + 1}; an HTTP header value may hold only printable ASCII characters.");
        }

        if (value.Trim().Length != value.Length)
        {
            throw new ArgumentException($"{what} starts or ends with a space.");
        }

        return value;
    }

    /// <summary>"a line feed (LF)", "the control character U+0007", "the non-ASCII character U+00E9".</summary>
    internal static string Describe(char c) => c switch
    {
        '\n' => "a line feed (LF)",
        '\r' => "a carriage return (CR)",
        '\t' => "a tab",
        _ when char.IsSurrogate(c) || c > '~' => $"the non-ASCII character U+{(int)c:X4}",
        _ => $"the control character U+{(int)c:X4}",
    };

    private static int FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is < ' ' or > '~')
            {
                return i;
            }
        }

        return -1;
    }
}
