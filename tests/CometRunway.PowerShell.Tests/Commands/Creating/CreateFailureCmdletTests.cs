using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.PowerShell.Tests.Hosting;
using static CometRunway.PowerShell.Tests.Commands.Creating.CreateScripts;

namespace CometRunway.PowerShell.Tests.Commands.Creating;

/// <summary>
/// What goes wrong on the server's side, through the cmdlets: each documented refusal has its own id and says what to
/// change; a failure after the request was sent is never retried and says that the task may exist.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class CreateFailureCmdletTests : IClassFixture<EmulatorHostFixture>
{
    private readonly EmulatorHostFixture fixture;
    private readonly CometApiEmulator emulator;

    public CreateFailureCmdletTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        emulator = Quick(fixture);
    }

    [Fact]
    public void ACallbackUrlEmptyRefusalHasItsOwnIdAndSaysWhatToDo()
    {
        emulator.Faults.Add(FaultRule.Status(200, """{"code":400,"msg":"callback_url_empty","data":null}""").On(FaultRoute.Create));

        var error = SingleError($"New-RunwayFeedVideoTask 'a comet' {Connection}", "RunwayCreateCallbackUrlEmpty");

        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("callback_url", error.ErrorDetails.Message);
        Assert.IsType<ProGenerateRequest>(error.TargetObject);
    }

    [Fact]
    public void AMissingReferenceImageRefusalHasItsOwnId()
    {
        var error = SingleError($"New-RunwayTask text_to_image @{{ promptText = 'a fox'; ratio = '1920:1080'; model = 'gen4_image' }} {Connection}", "RunwayCreateReferenceImagesEmpty");

        Assert.Contains("1 to 3 reference images", error.ErrorDetails.Message);
    }

    [Fact]
    public void AnAssetTheServerCannotUseIsRefusedWithItsOwnId()
    {
        var error = SingleError(
            $"New-RunwayTask image_to_video @{{ model = 'gen4_turbo'; ratio = '1280:720'; promptImage = 'http://assets.example.com/cat.png' }} {Connection}",
            "RunwayCreateInvalidAsset");

        Assert.Contains("HTTPS", error.ErrorDetails.Message);
    }

    [Fact]
    public void ARetiredModelWarnsBeforeSendingAndItsRefusalNamesTheReplacement()
    {
        var result = fixture.Run($"New-RunwayImageToVideoTask {Image} -Model gen3a_turbo {Connection}");

        Assert.Contains(result.Warnings, w => w.Contains("gen3a_turbo") && w.Contains("gen4_turbo"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayCreateRetiredModel", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("gen4_turbo", error.ErrorDetails.Message);
        Assert.Equal(0, emulator.CreatedCount);
    }

    [Fact]
    public void AMissingVersionRefusalHasItsOwnId()
    {
        emulator.Faults.Add(FaultRule.Gateway(400, "X-Runway-Version header is required", "invalid_request_error", "missing_runway_version").On(FaultRoute.Create));

        SingleError($"New-RunwayVideoUpscaleTask {Video} {Connection}", "RunwayCreateMissingRunwayVersion");
    }

    [Fact]
    public void ARouteTheServerDoesNotHaveIsARefusal()
    {
        var error = SingleError($"New-RunwayTask runwayml/v1/text_to_video @{{ promptText = 'a comet'; model = 'gen4.5' }} {Connection}", "RunwayCreateRefused");

        Assert.Contains("No task was created", error.ErrorDetails.Message);
    }

    [Fact]
    public void ARejectedKeyIsTheReadersAuthenticationErrorAndTheKeyNeverShows()
    {
        var result = fixture.Run($"New-RunwayFeedVideoTask 'a comet' -ApiKey 'sk-not-the-key-0000' -BaseUri $Base");

        Assert.Equal(["RunwayAuthenticationFailed"], ErrorIds(result));
        Assert.Equal(ErrorCategory.AuthenticationError, result.Errors[0].CategoryInfo.Category);
        Assert.DoesNotContain("sk-not-the-key-0000", result.AllText());
        Assert.DoesNotContain(emulator.ApiKey, result.AllText());
    }

    [Fact]
    public void AKeyTheServerEchoesBackNeverShowsInTheErrorOrTheVerboseLines()
    {
        emulator.Faults.Add(FaultRule.Gateway(400, $"invalid request for key {emulator.ApiKey}", "invalid_request_error", "invalid_request").On(FaultRoute.Create));

        var result = fixture.Run($"New-RunwayImageToVideoTask {Image} -Verbose {Connection}");

        Assert.Equal(["RunwayCreateRefused"], ErrorIds(result));
        Assert.Contains(result.Verbose, v => v.Contains("/runwayml/v1/image_to_video -> 400", StringComparison.Ordinal));
        Assert.DoesNotContain(emulator.ApiKey, result.AllText());
        Assert.DoesNotContain(emulator.ApiKey, result.Errors[0].Exception.ToString());
    }

    [Fact]
    public void AnExhaustedQuotaIsTheReadersQuotaError()
    {
        emulator.Faults.Add(FaultRule.QuotaExhausted().On(FaultRoute.Create));

        var error = SingleError($"New-RunwayImageToVideoTask {Image} {Connection}", "RunwayQuotaExhausted");

        Assert.Equal(ErrorCategory.QuotaExceeded, error.CategoryInfo.Category);
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("502 after creating")]
    [InlineData("truncated")]
    public void AnAmbiguousFailureIsNotRetriedAndSaysTheTaskMayExist(string fault)
    {
        emulator.Faults.Add((fault switch
        {
            "drop" => FaultRule.Drop(),
            "truncated" => FaultRule.Truncated(),
            _ => FaultRule.Html(502).AfterCreating(),
        }).On(FaultRoute.Create));

        var error = SingleError($"New-RunwayImageToVideoTask {Image} 'a cat walks' {Connection}", "RunwayCreateOutcomeUnknown");

        Assert.Equal(1, emulator.CreatedCount);
        Assert.Single(emulator.Requests, r => r.Method == "POST");
        Assert.True(Assert.IsType<RunwayCreateException>(error.Exception).TaskMayExist);
        Assert.Contains("may exist", error.ErrorDetails.Message);
        Assert.Contains("CometAPI console", error.ErrorDetails.Message);
        Assert.Equal("a cat walks", Assert.IsType<ImageToVideoRequest>(error.TargetObject).PromptText);
    }

    [Fact]
    public void ARequestThatNeverLeftIsRetriedAndThenSaysNothingWasSent()
    {
        var closed = ClosedPort();

        var result = fixture.Run($"New-RunwayImageToVideoTask {Image} -ApiKey $Key -BaseUri http://127.0.0.1:{closed}/ -Verbose");

        Assert.Equal(["RunwayCreateNotSent"], ErrorIds(result));
        Assert.Contains("Nothing was sent", result.Errors[0].ErrorDetails.Message);
        Assert.Contains(result.Verbose, v => v.StartsWith("Retry 1 of", StringComparison.Ordinal));
        Assert.True(Assert.IsType<RunwayCreateException>(result.Errors[0].Exception).Attempts > 1);
    }

    [Fact]
    public void OneFailedCreateDoesNotStopTheOthersAndTheOrderIsKept()
    {
        emulator.Faults.Add(FaultRule.Status(200, """{"code":500,"msg":"busy","data":null}""").On(FaultRoute.Create));

        var result = fixture.Run($"'first', 'second', 'third' | ForEach-Object {{ [pscustomobject]@{{ Prompt = $_ }} }} | New-RunwayFeedVideoTask -ThrottleLimit 1 {Connection}");

        Assert.Equal(["RunwayCreateRefused"], ErrorIds(result));
        Assert.Equal(["second", "third"], result.Output.Cast<RunwayTask>().Select(t => t.Prompt));
    }

    private ErrorRecord SingleError(string script, string id)
    {
        var result = fixture.Run(script);
        Assert.Empty(result.Output);
        Assert.True(result.Terminating is null, result.AllText());
        var error = Assert.Single(result.Errors);
        Assert.Equal(id, error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain(emulator.ApiKey, result.AllText());
        return error;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
