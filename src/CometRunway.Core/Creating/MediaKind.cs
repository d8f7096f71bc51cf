namespace CometRunway.Core.Creating;

/// <summary>What a media input is, or what a parameter takes.</summary>
[Flags]
public enum MediaKind
{
    /// <summary>Not known: a URL, whose content only the server sees.</summary>
    None = 0,
    Image = 1,
    Video = 2,
}
