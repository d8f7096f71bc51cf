using System.Reflection;

namespace CometRunway.PowerShell.Tests.Hosting;

/// <summary>
/// The module laid out the way build.ps1 stages it (psd1, format and help files beside it, dlls in bin/),
/// built once per test run from the files the test project copies next to itself.
/// </summary>
public static class StagedModule
{
    private static readonly Lazy<string> ManifestPathLazy = new(Stage);

    public static string ManifestPath => ManifestPathLazy.Value;

    public static string Directory => Path.GetDirectoryName(ManifestPath)!;

    /// <summary>The version every assembly was built with: the manifest's ModuleVersion (Directory.Build.props reads it).</summary>
    public static string ModuleVersion { get; } =
        typeof(CometRunway.Core.Tasks.RunwayTask).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    private static string Stage()
    {
        var source = AppContext.BaseDirectory;
        var root = Path.Combine(Path.GetTempPath(), "CometRunway.Tests." + Environment.ProcessId, "CometRunway", ModuleVersion);
        var bin = Path.Combine(root, "bin");
        System.IO.Directory.CreateDirectory(bin);
        foreach (var dll in new[] { "CometRunway.PowerShell.dll", "CometRunway.Core.dll" })
        {
            File.Copy(Path.Combine(source, dll), Path.Combine(bin, dll), overwrite: true);
        }

        var moduleFiles = Path.Combine(source, "module");
        foreach (var file in System.IO.Directory.EnumerateFiles(moduleFiles, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(moduleFiles, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return Path.Combine(root, "CometRunway.psd1");
    }
}
