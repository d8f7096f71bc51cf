using System.Management.Automation;

namespace CometRunway.PowerShell.Infrastructure;

/// <summary>Turns -Path/-LiteralPath into one FileSystem directory path, or an error record saying why not.</summary>
internal static class DestinationResolver
{
    /// <exception cref="DestinationException">The path cannot be used; its record says why.</exception>
    public static string Resolve(PSCmdlet cmdlet, string path, bool literal)
    {
        try
        {
            return ResolveDirectory(cmdlet, path, literal);
        }
        catch (Exception error) when (error is ArgumentException or ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
        {
            throw Fail(error, ErrorIds.InvalidDestination, ErrorCategory.InvalidArgument, path);
        }
    }

    private static string ResolveDirectory(PSCmdlet cmdlet, string path, bool literal)
    {
        string resolved;
        ProviderInfo provider;
        if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
        {
            var matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            if (matches.Count != 1)
            {
                var found = matches.Count == 0 ? "matches nothing" : $"matches {matches.Count} items";
                throw Fail(new ArgumentException($"The path '{path}' {found}; give exactly one directory (or use -LiteralPath for a name with wildcard characters)."), ErrorIds.AmbiguousDestination, ErrorCategory.InvalidArgument, path);
            }

            resolved = matches[0];
        }
        else
        {
            resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        }

        if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
        {
            throw Fail(new ArgumentException($"The path '{path}' is on the {provider.Name} provider; outputs can only be saved to the file system."), ErrorIds.DestinationNotFileSystem, ErrorCategory.InvalidArgument, path);
        }

        if (File.Exists(resolved))
        {
            throw Fail(new IOException($"The path '{resolved}' is a file; -Path and -LiteralPath name the directory to save into."), ErrorIds.DestinationIsAFile, ErrorCategory.InvalidArgument, path);
        }

        return resolved;
    }

    private static DestinationException Fail(Exception error, string id, ErrorCategory category, string path) =>
        new DestinationException(ErrorRecords.Create(error, id, category, path));

    /// <summary>Carries the error record to the command, which throws it as a terminating error.</summary>
    internal sealed class DestinationException : Exception
    {
        public DestinationException(ErrorRecord record)
            : base(record.Exception.Message)
        {
            Record = record;
        }

        public ErrorRecord Record { get; }
    }
}
