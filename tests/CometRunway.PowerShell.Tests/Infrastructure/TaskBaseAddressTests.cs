using System.Management.Automation;
using CometRunway.Core.Tasks;
using CometRunway.Emulator;
using CometRunway.Emulator.Files;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;

namespace CometRunway.PowerShell.Tests.Infrastructure;

/// <summary>
/// A task keeps its base address (10.2): read at one address and piped on, it is waited for and saved there while
/// the environment points elsewhere, and the key goes only where this runspace has resolved it for. Two emulators:
/// "home" (COMETAPI_BASE_URL) and "other" (a second port).
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class TaskBaseAddressTests : IAsyncLifetime
{
    private CometApiEmulator home = null!;
    private CometApiEmulator other = null!;
    private ModuleHost host = null!;
    private string directory = null!;

    public async Task InitializeAsync()
    {
        home = await CometApiEmulator.StartAsync();
        other = await CometApiEmulator.StartAsync();
        directory = Path.Combine(Path.GetTempPath(), "cometrunway-base-" + Guid.NewGuid().ToString("N"));
        host = new ModuleHost(new Dictionary<string, string?> { ["COMETAPI_BASE_URL"] = home.BaseUri.ToString(), ["COMETAPI_KEY"] = home.ApiKey });
    }

    public async Task DisposeAsync()
    {
        host.Run("$env:COMETAPI_BASE_URL = $null; $env:COMETAPI_KEY = $null");
        host.Dispose();
        await home.DisposeAsync();
        await other.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private HostResult Run(string script) => host.Run(
        "param($Other, $Dir)\n" + script, new() { ["Other"] = other.BaseUri.ToString(), ["Dir"] = directory });

    /// <summary>A task as Export-Clixml and Import-Clixml hand it to a later session: serialized in a runspace of its own.</summary>
    private object Exported(string id, CometApiEmulator at)
    {
        using var writer = new ModuleHost();
        var xml = Assert.Single(writer.Run(
            "param($Base, $Key, $Id) [System.Management.Automation.PSSerializer]::Serialize((Get-RunwayTask $Id -BaseUri $Base -ApiKey $Key), 2)",
            new() { ["Base"] = at.BaseUri.ToString(), ["Key"] = at.ApiKey, ["Id"] = id }).Output);
        return PSSerializer.Deserialize((string)xml!);
    }

    [Fact]
    public void ATaskReadWithBaseUriIsWaitedForAndSavedWhereItCameFrom()
    {
        other.Tasks.Add(EmulatedTask.SucceedsAfter("far-1", TimeSpan.FromSeconds(1)));

        var result = Run("Get-RunwayTask far-1 -BaseUri $Other | Wait-RunwayTask -PollIntervalSec 1 | Save-RunwayOutput -Path $Dir -PassThru");

        Assert.Empty(result.Errors);
        Assert.Equal("far-1", PSObject.AsPSObject(Assert.Single(result.Output)).Properties["TaskId"].Value);
        Assert.Empty(home.Requests);
        Assert.Contains(other.Requests, r => r.Path == "/runwayml/v1/tasks/far-1");
    }

    [Fact]
    public void ALaterCommandInTheSameSessionReadsItThereToo()
    {
        other.Tasks.Add(EmulatedTask.Running("far-2", 0.5));
        Run("$script:task = Get-RunwayTask far-2 -BaseUri $Other");
        other.ClearRequests();

        var result = Run("$script:task | Get-RunwayTask");

        Assert.Empty(result.Errors);
        Assert.Equal(other.BaseUri, Assert.IsType<RunwayTask>(Assert.Single(result.Output)).BaseUri);
        Assert.Empty(home.Requests);
    }

    [Fact]
    public void ATaskFromAnAddressThisSessionNeverUsedIsRefusedAtOnceAndNothingIsSent()
    {
        other.Tasks.Add(EmulatedTask.Succeeded("far-3"));
        var imported = Exported("far-3", other);
        other.ClearRequests();

        var result = host.Run("param($Task) $Task | Wait-RunwayTask -Timeout 300", new() { ["Task"] = imported });

        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayTaskBaseUriNotTrusted", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains(other.BaseUri.GetLeftPart(UriPartial.Authority), error.ErrorDetails.Message);
        Assert.Contains("-BaseUri " + other.BaseUri, error.ErrorDetails.Message);
        Assert.Empty(result.Output);
        Assert.Empty(other.Requests);
        Assert.Empty(home.Requests);
    }

    [Fact]
    public void BaseUriOnTheCommandLineReadsEveryTaskThere()
    {
        other.Tasks.Add(EmulatedTask.Succeeded("far-4"));
        var imported = Exported("far-4", other);

        var allowed = host.Run("param($Task, $Other) $Task | Wait-RunwayTask -BaseUri $Other", new() { ["Task"] = imported, ["Other"] = other.BaseUri.ToString() });
        home.Tasks.Add(EmulatedTask.Succeeded("far-4"));
        var overridden = host.Run("param($Task, $Near) $Task | Get-RunwayTask -BaseUri $Near", new() { ["Task"] = imported, ["Near"] = home.BaseUri.ToString() });

        Assert.Empty(allowed.Errors);
        Assert.Equal(other.BaseUri, Assert.IsType<RunwayTask>(Assert.Single(allowed.Output)).BaseUri);
        Assert.Empty(overridden.Errors);
        Assert.Equal(home.BaseUri, Assert.IsType<RunwayTask>(Assert.Single(overridden.Output)).BaseUri);
    }

    [Fact]
    public void AHandMadeObjectCannotHarvestTheKey()
    {
        other.Tasks.Add(EmulatedTask.Succeeded("bait"));

        var result = Run("[pscustomobject]@{ Id = 'bait'; BaseUri = $Other } | Get-RunwayTask; [pscustomobject]@{ Id = 'bait'; BaseUri = $Other; Output = ($Other + 'files/bait.mp4') } | Save-RunwayOutput -Path $Dir -PassThru");

        Assert.Equal("RunwayTaskBaseUriNotTrusted", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.All(other.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.DoesNotContain(other.Requests, r => r.Path.StartsWith("/runwayml/", StringComparison.Ordinal));
        Assert.Single(result.Output);
    }

    [Fact]
    public void DisconnectForgetsTheAddressesAKeyWasUsedWith()
    {
        other.Tasks.Add(EmulatedTask.Running("far-5", 0.5));
        Run("$script:task = Get-RunwayTask far-5 -BaseUri $Other; Disconnect-CometApi");
        other.ClearRequests();

        var result = Run("$script:task | Get-RunwayTask");

        Assert.Equal("RunwayTaskBaseUriNotTrusted", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task AnExpiredLinkIsRefreshedByReadingTheTaskAgainWhereItCameFrom()
    {
        await using var files = await StaticFileHost.StartAsync();
        var expired = files.Add("/far-6.mp4", HostedFile.Generated(1000) with { RequiredToken = "a-signature-that-expired" });
        other.Tasks.Add(EmulatedTask.Succeeded("far-6"));
        Run("$null = Get-RunwayTask far-6 -BaseUri $Other");
        other.ClearRequests();

        var result = host.Run(
            "param($Other, $Dir, $Expired) [pscustomobject]@{ Id = 'far-6'; BaseUri = $Other; Status = 'Succeeded'; Output = $Expired } | Save-RunwayOutput -Path $Dir -PassThru",
            new() { ["Other"] = other.BaseUri.ToString(), ["Dir"] = directory, ["Expired"] = expired.ToString() });

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
        Assert.Contains(other.Requests, r => r.Path == "/runwayml/v1/tasks/far-6");
        Assert.Contains(other.Requests, r => r.Path == "/files/far-6.mp4");
        Assert.Empty(home.Requests);
    }

    [Fact]
    public async Task AnExpiredLinkOfATaskFromAnUntrustedAddressSaysWhyItCannotBeRefreshed()
    {
        await using var files = await StaticFileHost.StartAsync();
        var expired = files.Add("/far-7.mp4", HostedFile.Generated(1000) with { RequiredToken = "a-signature-that-expired" });

        var result = host.Run(
            "param($Other, $Dir, $Expired) [pscustomobject]@{ Id = 'far-7'; BaseUri = $Other; Output = $Expired } | Save-RunwayOutput -Path $Dir",
            new() { ["Other"] = other.BaseUri.ToString(), ["Dir"] = directory, ["Expired"] = expired.ToString() });

        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayOutputLinkExpired", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("has not been used with", error.ErrorDetails.Message);
        Assert.Empty(other.Requests);
        Assert.Empty(home.Requests);
    }
}
