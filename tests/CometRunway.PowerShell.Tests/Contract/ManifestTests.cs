using System.Collections;
using System.Reflection;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Contract;

public sealed class ManifestTests
{
    private readonly Hashtable manifest = CmdletTypes.Manifest();

    [Fact]
    public void VersionIsTheOneTheAssembliesWereBuiltWith() =>
        Assert.Equal(StagedModule.ModuleVersion, (string)manifest["ModuleVersion"]!);

    [Fact]
    public void TargetsPowerShell74CoreWithTheDllUnderBin()
    {
        Assert.Equal("bin/CometRunway.PowerShell.dll", manifest["RootModule"]);
        Assert.Equal("7.4", manifest["PowerShellVersion"]);
        Assert.Equal(new[] { "Core" }, ((IEnumerable)manifest["CompatiblePSEditions"]!).Cast<string>());
        Assert.True(Guid.TryParse((string)manifest["GUID"]!, out _));
    }

    [Fact]
    public void ExportsNothingButCmdlets()
    {
        Assert.Empty((IEnumerable)manifest["FunctionsToExport"]!);
        Assert.Empty((IEnumerable)manifest["VariablesToExport"]!);
        Assert.Empty((IEnumerable)manifest["AliasesToExport"]!);
    }

    [Theory]
    [InlineData("FormatsToProcess")]
    [InlineData("TypesToProcess")]
    public void FormatAndTypeFilesExistInTheModuleFolder(string key)
    {
        var files = ((IEnumerable)manifest[key]!).Cast<string>().ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.Exists(CmdletTypes.RepositoryFile(Path.Combine("module", f))), f));
    }

    [Fact]
    public void PSDataCarriesGalleryMetadata()
    {
        var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
        Assert.Contains("PSEdition_Core", ((IEnumerable)psData["Tags"]!).Cast<string>());
        Assert.All(new[] { "Tags", "ProjectUri", "LicenseUri", "ReleaseNotes" }, key => Assert.NotNull(psData[key]));
        Assert.True(Uri.TryCreate((string)psData["ProjectUri"]!, UriKind.Absolute, out _));
        Assert.True(Uri.TryCreate((string)psData["LicenseUri"]!, UriKind.Absolute, out _));
    }

    [Fact]
    public void StagedManifestPassesTestModuleManifest()
    {
        using var host = new ModuleHost();
        var result = host.Run("param($p) Test-ModuleManifest -Path $p | ForEach-Object { $_.Version.ToString() }", new() { ["p"] = StagedModule.ManifestPath });

        Assert.Empty(result.Errors);
        Assert.Equal(StagedModule.ModuleVersion, Assert.Single(result.Output));
    }

    [Fact]
    public void TheStagedModuleShipsNoHostAssemblies()
    {
        var shipped = Directory.EnumerateFiles(StagedModule.Directory, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).Order();
        Assert.Equal(new[] { "CometRunway.Core.dll", "CometRunway.PowerShell.dll" }, shipped);
        Assert.Equal(
            typeof(CometRunway.Core.Tasks.RunwayTask).Assembly.GetName().Version!.ToString(3),
            AssemblyName.GetAssemblyName(Path.Combine(StagedModule.Directory, "bin", "CometRunway.Core.dll")).Version!.ToString(3));
    }
}
