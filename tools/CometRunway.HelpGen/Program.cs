using CometRunway.HelpGen;

if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: dotnet run --project tools/CometRunway.HelpGen -- <docsDir> <outDir>");
    Console.Error.WriteLine("  Converts the platyPS markdown pages in <docsDir> into <outDir>/CometRunway.PowerShell.dll-Help.xml");
    Console.Error.WriteLine("  and every about_*.md into <outDir>/about_*.help.txt.");
    return 2;
}

try
{
    foreach (var path in HelpGenerator.WriteAll(args[0], args[1]))
    {
        Console.WriteLine($"Wrote {path}");
    }

    return 0;
}
catch (Exception error) when (error is HelpFormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("HelpGen: " + error.Message);
    return 1;
}
