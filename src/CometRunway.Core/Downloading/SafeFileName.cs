using System.Globalization;
using System.Text;

namespace CometRunway.Core.Downloading;

/// <summary>
/// Turns untrusted text (a URL segment, a task id, a template result) into one safe file name:
/// never a path, never a reserved Windows device name, no control or bidi characters, no leading or
/// trailing dots and spaces, at most <see cref="MaxNameBytes"/> bytes of UTF-8, never empty.
/// </summary>
internal static class SafeFileName
{
    /// <summary>Room is left under the 255-byte limit of common file systems for the temporary suffix.</summary>
    public const int MaxNameBytes = 200;

    public const string DefaultFallback = "download";

    private const int MaxExtensionLength = 10;

    private static readonly string[] ReservedDeviceNames =
    [
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2", "COM\u00B3",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9", "LPT\u00B2", "LPT\u00B3",
    ];

    /// <summary>Sanitizes a whole file name (stem and extension together).</summary>
    public static string Sanitize(string? candidate, string fallback = DefaultFallback)
    {
        var cleaned = Clean(candidate);
        if (cleaned.Length == 0)
        {
            cleaned = Clean(fallback);
            if (cleaned.Length == 0)
            {
                cleaned = DefaultFallback;
            }
        }

        cleaned = AvoidReservedName(cleaned);
        return TruncateKeepingExtension(cleaned);
    }

    /// <summary>
    /// A file extension without the dot: ASCII letters and digits only, lower case, at most 10 characters;
    /// empty when nothing usable is left.
    /// </summary>
    public static string SanitizeExtension(string? extension)
    {
        if (string.IsNullOrEmpty(extension))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(MaxExtensionLength);
        foreach (var c in extension.TrimStart('.'))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return string.Empty;
            }

            builder.Append(char.ToLowerInvariant(c));
            if (builder.Length > MaxExtensionLength)
            {
                return string.Empty;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when the name, as Windows reads it, is a device name (CON, NUL.txt, com1.tar.gz…).</summary>
    public static bool IsReservedDeviceName(string name)
    {
        var dot = name.IndexOf('.');
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        return ReservedDeviceNames.Contains(stem, StringComparer.OrdinalIgnoreCase);
    }

    private static string Clean(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return string.Empty;
        }

        // Runes first: a lone surrogate becomes U+FFFD (then '_'), so normalization never sees invalid text.
        var builder = new StringBuilder(candidate.Length);
        foreach (var rune in candidate.EnumerateRunes())
        {
            builder.Append(IsUnsafe(rune) || rune == Rune.ReplacementChar ? "_" : rune.ToString());
        }

        var text = builder.ToString();
        text = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

        // Dots and spaces at either end: "..", "." and hidden files at the front; Windows strips them at the end.
        return text.Trim(' ', '.', '\u3000', '\u00A0');
    }

    private static bool IsUnsafe(Rune rune)
    {
        if (rune.Value is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
        {
            return true;
        }

        // Direction overrides and isolates make a name display as something else ("txt.exe" shown as "exe.txt").
        return rune.Value is (>= 0x200E and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069)
            or 0xFEFF;
    }

    private static string AvoidReservedName(string name) => IsReservedDeviceName(name) ? "_" + name : name;

    private static string TruncateKeepingExtension(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot - 1 <= MaxExtensionLength ? name[dot..] : string.Empty;
        var stem = extension.Length == 0 ? name : name[..dot];
        var budget = MaxNameBytes - Encoding.UTF8.GetByteCount(extension);

        var builder = new StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        var truncated = builder.ToString().TrimEnd(' ', '.');
        return (truncated.Length == 0 ? DefaultFallback : truncated) + extension;
    }
}
