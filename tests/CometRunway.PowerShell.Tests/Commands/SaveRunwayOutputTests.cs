using System.Management.Automation;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Commands;

[Collection(HostedCollection.Name)]
public sealed class SaveRunwayOutputTests : IClassFixture<EmulatorHostFixture>, IDisposable
{
    private const string Connection = "-ApiKey $Key -BaseUri $Base";
    private readonly EmulatorHostFixture fixture;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cr-save-" + Guid.NewGuid().ToString("N"));

    public SaveRunwayOutputTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        fixture.Emulator.Reset();
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private HostResult Run(string script) => fixture.Run(script, new() { ["Dir"] = directory });

    [Fact]
    public void FullPipelineFromTheEmulatorToFilesOnDisk()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("v-1", TimeSpan.FromSeconds(1)));
        fixture.Emulator.Tasks.Add(EmulatedTask.SucceedsAfter("v-2", TimeSpan.FromSeconds(2)));

        var result = Run($"Get-RunwayTask v-1, v-2 {Connection} | Wait-RunwayTask -PollIntervalSec 1 {Connection} | Save-RunwayOutput -Path $Dir -PassThru {Connection}");

        Assert.Empty(result.Errors);
        var files = result.Output.Select(o => PSObject.AsPSObject(o)).ToList();
        Assert.Equal(new[] { "v-1", "v-2" }, files.Select(f => (string)f.Properties["TaskId"].Value).Order());
        Assert.All(files, f => Assert.IsType<FileInfo>(f.BaseObject));
        Assert.Equal(new[] { "v-1.mp4", "v-2.mp4" }, Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        Assert.All(Directory.GetFiles(directory), f => Assert.Equal(fixture.Emulator.Options.FileSize, new FileInfo(f).Length));
        Assert.All(fixture.Emulator.Requests.Where(r => r.Path.StartsWith("/files/")), r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public void PassThruWritesTheProvidersItemAsGetItemDoes()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("pi-1"));

        var result = Run($"Get-RunwayTask pi-1 {Connection} | Save-RunwayOutput -Path $Dir -PassThru");

        Assert.Empty(result.Errors);
        var file = PSObject.AsPSObject(Assert.Single(result.Output));
        var path = Path.Combine(directory, "pi-1.mp4");
        Assert.Equal(path, Assert.IsType<FileInfo>(file.BaseObject).FullName);
        Assert.Equal(@"Microsoft.PowerShell.Core\FileSystem::" + path, file.Properties["PSPath"].Value);
        Assert.Equal("pi-1.mp4", file.Properties["PSChildName"].Value);
        Assert.Equal("FileSystem", ((ProviderInfo)file.Properties["PSProvider"].Value).Name);
        Assert.Equal("pi-1", file.Properties["TaskId"].Value);
        Assert.EndsWith("/files/pi-1.mp4", file.Properties["SourceUri"].Value.ToString());
    }

    [Fact]
    public void UserInformationInALinkIsNeverShown()
    {
        var withUser = fixture.Emulator.BaseUri.ToString().Replace("http://", "http://user:secret@", StringComparison.Ordinal) + "files/ui.mp4";

        var refused = Run("Save-RunwayOutput -Uri '//user:secret@cdn.example/x.mp4' -Path $Dir -Verbose");
        var saved = fixture.Run("Save-RunwayOutput -Uri $Link -Path $Dir -PassThru -Verbose | ForEach-Object { \"$($_.SourceUri)\" }", new() { ["Dir"] = directory, ["Link"] = withUser });

        Assert.Equal("InvalidOutputUrl", Assert.Single(refused.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain("secret", refused.AllText());
        Assert.Empty(saved.Errors);
        Assert.Equal(fixture.Emulator.BaseUri + "files/ui.mp4", Assert.Single(saved.Output));
        Assert.DoesNotContain("secret", saved.AllText());
    }

    [Fact]
    public void WhatIfWritesNothingAndDownloadsNothing()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("w-1"));

        var result = Run($"Get-RunwayTask w-1 {Connection} | Save-RunwayOutput -Path ($Dir + '/new') -WhatIf -PassThru");

        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.False(Directory.Exists(directory));
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path.StartsWith("/files/"));
    }

    [Fact]
    public void ExistingFilesAreRefusedUnlessForceOrIdentical()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("e-1"));
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, "e-1.mp4");
        File.WriteAllText(target, "older");

        var refused = Run($"Get-RunwayTask e-1 {Connection} | Save-RunwayOutput -LiteralPath $Dir");
        var error = Assert.Single(refused.Errors);
        Assert.Equal("ResourceExists", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Equal("older", File.ReadAllText(target));

        var forced = Run($"Get-RunwayTask e-1 {Connection} | Save-RunwayOutput -LiteralPath $Dir -Force");
        Assert.Empty(forced.Errors);
        Assert.Equal(fixture.Emulator.Options.FileSize, new FileInfo(target).Length);

        var skipped = Run($"Get-RunwayTask e-1 {Connection} | Save-RunwayOutput -LiteralPath $Dir -SkipIdentical -PassThru -Verbose");
        Assert.Empty(skipped.Errors);
        Assert.Single(skipped.Output);
        Assert.Contains(skipped.Verbose, v => v.StartsWith("Skipped"));
    }

    [Fact]
    public void ADirectoryThatCannotBeCreatedIsOneErrorPerOutputAndNothingIsDownloaded()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("nw-1"));
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("nw-2"));
        Directory.CreateDirectory(directory);
        var blocker = Path.Combine(directory, "a-file");
        File.WriteAllText(blocker, "in the way");

        var result = fixture.Run($"Get-RunwayTask nw-1, nw-2 {Connection} | Save-RunwayOutput -LiteralPath $Dir -PassThru", new() { ["Dir"] = Path.Combine(blocker, "sub") });

        Assert.Empty(result.Output);
        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(("RunwayOutputNotWritable", ErrorCategory.WriteError), (e.FullyQualifiedErrorId.Split(',')[0], e.CategoryInfo.Category)));
        Assert.All(result.Errors, e => Assert.Contains("cannot create the directory", e.ErrorDetails.Message));
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path.StartsWith("/files/"));
    }

    [Fact]
    public void TasksThatDidNotSucceedAreOneErrorEach()
    {
        fixture.Emulator.Tasks.Add(EmulatedTask.Running("r-1", 0.5));
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("s-1"));

        var result = Run($"Get-RunwayTask r-1, s-1 {Connection} | Save-RunwayOutput -Path $Dir -PassThru");

        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayTaskNotSucceeded", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("r-1", ((CometRunway.Core.Tasks.RunwayTask)error.TargetObject).Id);
        Assert.Single(result.Output);
    }

    [Fact]
    public void BareUrlsAreNamedAfterTheGivenTaskId()
    {
        var result = Run($"Save-RunwayOutput -Uri ($Base + 'files/a.png'), ($Base + 'files/b.png') -TaskId img-9 -Path $Dir -PassThru");

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "img-9_1.png", "img-9_2.png" }, Directory.GetFiles(directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void OnlyTheFileSystemProviderIsAccepted()
    {
        var result = Run("try { Save-RunwayOutput -Uri 'https://cdn.example/x.mp4' -Path 'Env:\\' } catch { $_ }");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("DestinationNotFileSystem", error.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void LiteralPathTakesBracketsAsTyped()
    {
        var bracketed = Path.Combine(directory, "[take 1]");

        var result = fixture.Run("Save-RunwayOutput -Uri ($Base + 'files/clip.mp4') -LiteralPath $Dir", new() { ["Dir"] = bracketed });

        Assert.Empty(result.Errors);
        Assert.True(File.Exists(Path.Combine(bracketed, "clip.mp4")));
    }

    [Fact]
    public void AnUnknownNameTemplateTokenIsOneTerminatingErrorNamingTheTemplate()
    {
        var result = Run("try { Save-RunwayOutput -Uri 'https://cdn.example/x.mp4' -Path $Dir -NameTemplate '{Date}' } catch { $_ }");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output));
        Assert.Equal("InvalidNameTemplate", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("{Date}", error.TargetObject);
        Assert.DoesNotContain("Parameter '", error.ErrorDetails.Message);
    }

    [Fact]
    public void AMalformedUrlIsOneErrorAndTheOthersAreStillNumberedFromOne()
    {
        var result = Run("Save-RunwayOutput -Uri 'not a url', ($Base + 'files/only.mp4') -TaskId t-7 -Path $Dir");

        Assert.Equal("InvalidOutputUrl", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(new[] { "t-7.mp4" }, Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void TheSameTaskPipedTwiceIsSavedOnce()
    {
        // newuser N12: like Wait-RunwayTask, which waits once for an id given twice.
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("twice-1"));

        var result = Run($"$t = Get-RunwayTask twice-1 {Connection}; $t, $t, [pscustomobject]@{{ Id = 'twice-1'; Output = $t.Output }} | Save-RunwayOutput -Path $Dir -PassThru -Verbose");

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
        Assert.Equal(new[] { "twice-1.mp4" }, Directory.GetFiles(directory).Select(Path.GetFileName));
        Assert.Single(fixture.Emulator.Requests, r => r.Path == "/files/twice-1.mp4");
        Assert.Equal(2, result.Verbose.Count(line => line.Contains("Task twice-1 was given again", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnExpiredLinkGivenWithTaskIdIsRefreshedThroughTheRouteFormatNames()
    {
        // Code review 17: -Uri ... -TaskId of a Feed task read the task again through the official route.
        await using var files = await CometRunway.Emulator.Files.StaticFileHost.StartAsync();
        var expired = files.Add("/fd-1.mp4", CometRunway.Emulator.Files.HostedFile.Generated(1000) with { RequiredToken = "a-signature-that-expired" });
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("fd-1"));

        var result = fixture.Run(
            $"Save-RunwayOutput -Uri $Expired -TaskId fd-1 -Format Feed -Path $Dir -PassThru {Connection}",
            new() { ["Dir"] = directory, ["Expired"] = expired.ToString() });

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
        Assert.Contains(fixture.Emulator.Requests, r => r.Path == "/runway/feed");
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path.StartsWith("/runwayml/", StringComparison.Ordinal));
    }

    [Fact]
    public void ALinkPlantedAtThePartialNameIsAWarningAndItsTargetIsKept()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        // Adversary F1, as the user sees it: the file is saved, the link is reported and never written through.
        fixture.Emulator.Tasks.Add(EmulatedTask.Succeeded("wl-1"));
        Directory.CreateDirectory(directory);
        var victim = Path.Combine(Path.GetTempPath(), "cr-victim-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(victim, "precious");
        File.CreateSymbolicLink(Path.Combine(directory, "wl-1.mp4.partial"), victim);
        try
        {
            var result = Run($"Get-RunwayTask wl-1 {Connection} | Save-RunwayOutput -Path $Dir -PassThru");

            Assert.Empty(result.Errors);
            Assert.Single(result.Output);
            Assert.Contains(result.Warnings, warning => warning.Contains("wl-1.mp4.partial' is left as it is", StringComparison.Ordinal) && warning.Contains("link", StringComparison.Ordinal));
            Assert.Equal("precious", File.ReadAllText(victim));
            Assert.Null(new FileInfo(Path.Combine(directory, "wl-1.mp4")).LinkTarget);
        }
        finally
        {
            File.Delete(victim);
        }
    }
}
