namespace CometRunway.HelpGen;

/// <summary>A help page that does not follow the platyPS layout; the message names the file and what is wrong.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(string message)
        : base(message)
    {
    }
}
