using CometRunway.HelpGen;

namespace CometRunway.PowerShell.Tests.Help;

/// <summary>The help sources and the committed generated files, found from the repository root.</summary>
internal static class HelpSources
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string DocsDirectory => Path.Combine(Root.Value, "docs", "en-US");

    public static string GeneratedDirectory => Path.Combine(Root.Value, "module", "en-US");

    public const string RegenerateCommand = "dotnet run --project tools/CometRunway.HelpGen -- docs/en-US module/en-US";

    public static string PagePath(string cmdletName) => Path.Combine(DocsDirectory, cmdletName + ".md");

    public static CommandPage ReadPage(string cmdletName) =>
        CommandPageParser.Parse(File.ReadAllText(PagePath(cmdletName)), cmdletName + ".md");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CometRunway.PowerShell.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CometRunway.PowerShell.sln above {AppContext.BaseDirectory}.");
    }
}
