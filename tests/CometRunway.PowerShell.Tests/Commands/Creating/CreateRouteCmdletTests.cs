using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.Emulator;
using CometRunway.Emulator.Creating;
using CometRunway.PowerShell.Tests.Hosting;
using static CometRunway.PowerShell.Tests.Commands.Creating.CreateScripts;

namespace CometRunway.PowerShell.Tests.Commands.Creating;

/// <summary>Every create route through its cmdlet: the body the emulator received, and the task written in its first state.</summary>
[Collection(HostedCollection.Name)]
public sealed class CreateRouteCmdletTests : IClassFixture<EmulatorHostFixture>
{
    private readonly EmulatorHostFixture fixture;
    private readonly CometApiEmulator emulator;

    public CreateRouteCmdletTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        emulator = Quick(fixture);
    }

    public static TheoryData<string, string, RunwayTaskFormat, string?, string?> Routes => new()
    {
        { $"New-RunwayImageToVideoTask {Image} 'a cat walks' -Seed 7 -Duration 5", "/runwayml/v1/image_to_video", RunwayTaskFormat.Official, "gen4_turbo", "a cat walks" },
        { $"New-RunwayTextToImageTask '@cat on a sofa' {Image} -ReferenceTag cat", "/runwayml/v1/text_to_image", RunwayTaskFormat.Official, "gen4_image", "@cat on a sofa" },
        { $"New-RunwayVideoToVideoTask {Video} 'make it snow' -ReferenceImage {Image}", "/runwayml/v1/video_to_video", RunwayTaskFormat.Official, "aleph2", "make it snow" },
        { $"New-RunwayVideoUpscaleTask {Video}", "/runwayml/v1/video_upscale", RunwayTaskFormat.Official, "magnific_video_upscaler_creative", null },
        { $"New-RunwayCharacterPerformanceTask {Image} {Video} -BodyControl -ExpressionIntensity 3", "/runwayml/v1/character_performance", RunwayTaskFormat.Official, "act_two", null },
        { "New-RunwayFeedVideoTask 'a comet over a runway' -Style cinematic", "/runway/pro/generate", RunwayTaskFormat.Feed, "gen4", "a comet over a runway" },
        { $"New-RunwayFeedVideoTask 'the cat turns' -Image {Image} -Duration 10", "/runway/pro/generate", RunwayTaskFormat.Feed, "gen4", "the cat turns" },
        { $"New-RunwayFeedVideoToVideoTask {Video} 'pixelated' -StructureTransformation 0.5 -Flip", "/runway/pro/video2video", RunwayTaskFormat.Feed, "gen4", "pixelated" },
        { $"New-RunwayFeedActOneTask {Image} {Video} -CallbackUri https://hooks.example.com/runway", "/runway/pro/act_one", RunwayTaskFormat.Feed, null, null },
        { $"New-RunwayTask image_to_video @{{ model = 'gen4.5'; promptImage = '{Image}'; promptText = 'generic'; ratio = '1280:720'; duration = 5 }}", "/runwayml/v1/image_to_video", RunwayTaskFormat.Official, "gen4.5", "generic" },
        { "New-RunwayTask /runway/pro/generate '{\"prompt\":\"from json\",\"model\":\"gen4\",\"options\":{\"seconds\":5}}'", "/runway/pro/generate", RunwayTaskFormat.Feed, "gen4", "from json" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void EachRouteCreatesOneTaskAndWritesItPendingWithWhatTheNextCmdletNeeds(string command, string path, RunwayTaskFormat format, string? model, string? prompt)
    {
        var result = fixture.Run($"{command} {Connection}");

        Assert.True(result.Errors.Count == 0 && result.Terminating is null, result.AllText());
        var task = Assert.IsType<RunwayTask>(Assert.Single(result.Output));
        var created = Assert.Single(emulator.CreatedTasks);
        Assert.Equal((created.Id, created.Route), (task.Id, path));
        Assert.Equal((format, RunwayTaskStatus.Pending, emulator.BaseUri), (task.Format, task.Status, task.BaseUri));
        Assert.Equal((model, prompt), (task.Model, task.Prompt));
        Assert.Equal("2024-11-06", Assert.Single(emulator.Requests).Header("X-Runway-Version"));
    }

    [Fact]
    public void TypedCmdletsWriteTheDocumentedFieldsAndDefaults()
    {
        var result = fixture.Run($"""
            New-RunwayImageToVideoTask {Image} 'a cat walks' -Seed 7 -PublicFigureThreshold low {Connection}
            New-RunwayTextToImageTask '@cat on a sofa' {Image} -ReferenceTag cat {Connection}
            New-RunwayCharacterPerformanceTask {Image} {Video} -BodyControl {Connection}
            New-RunwayFeedVideoToVideoTask {Video} 'pixelated' -StructureTransformation 0.5 -Flip {Connection}
            """);

        Assert.True(result.Errors.Count == 0, result.AllText());
        var bodies = emulator.CreatedTasks.Select(Body).ToList();
        Assert.Equal(4, bodies.Count);
        Assert.Equal((Image, "1280:720", 7L, "low"), (bodies[0].GetProperty("promptImage").GetString(), bodies[0].GetProperty("ratio").GetString(), bodies[0].GetProperty("seed").GetInt64(), bodies[0].GetProperty("contentModeration").GetProperty("publicFigureThreshold").GetString()));
        Assert.False(bodies[0].TryGetProperty("duration", out _), "a duration not given is left to the model");
        var reference = Assert.Single(bodies[1].GetProperty("referenceImages").EnumerateArray().ToList());
        Assert.Equal((Image, "cat", "1920:1080"), (reference.GetProperty("uri").GetString(), reference.GetProperty("tag").GetString(), bodies[1].GetProperty("ratio").GetString()));
        Assert.Equal(("image", "video", true), (bodies[2].GetProperty("character").GetProperty("type").GetString(), bodies[2].GetProperty("reference").GetProperty("type").GetString(), bodies[2].GetProperty("bodyControl").GetBoolean()));
        var options = bodies[3].GetProperty("options");
        Assert.Equal((0.5, true, 5), (options.GetProperty("structure_transformation").GetDouble(), options.GetProperty("flip").GetBoolean(), options.GetProperty("seconds").GetInt32()));
    }

    [Fact]
    public void CompatibilityRoutesAlwaysSendACallbackUrl()
    {
        var result = fixture.Run($$"""
            New-RunwayFeedVideoTask 'a comet' {{Connection}}
            New-RunwayFeedVideoToVideoTask {{Video}} {{Connection}}
            New-RunwayFeedActOneTask {{Image}} {{Video}} -CallbackUri https://hooks.example.com/runway {{Connection}}
            New-RunwayTask pro/generate @{ prompt = 'generic' } {{Connection}}
            """);

        Assert.True(result.Errors.Count == 0, result.AllText());
        Assert.Equal(
            [CreateDefaults.PlaceholderCallbackUrl, CreateDefaults.PlaceholderCallbackUrl, "https://hooks.example.com/runway", CreateDefaults.PlaceholderCallbackUrl],
            emulator.CreatedTasks.Select(created => Body(created).GetProperty("callback_url").GetString()));
        var motion = Body(emulator.CreatedTasks[0]).GetProperty("options").GetProperty("motion_vector");
        Assert.Equal(0, motion.GetProperty("y").GetDouble());
    }

    [Theory]
    [InlineData(EnvelopeStyle.Newer)]
    [InlineData(EnvelopeStyle.Older)]
    [InlineData(EnvelopeStyle.Alternating)]
    public void BothCompatibilityEnvelopesGiveTheTaskId(EnvelopeStyle envelope)
    {
        emulator.CreateSettings = emulator.CreateSettings with { Envelope = envelope };

        var result = fixture.Run($"'one', 'two', 'three' | ForEach-Object {{ [pscustomobject]@{{ Prompt = $_ }} }} | New-RunwayFeedVideoTask {Connection}");

        Assert.True(result.Errors.Count == 0, result.AllText());
        Assert.Equal(emulator.CreatedTasks.Select(c => c.Id).Order(), result.Output.Cast<RunwayTask>().Select(t => t.Id).Order());
        Assert.Equal(["one", "two", "three"], result.Output.Cast<RunwayTask>().Select(t => t.Prompt));
    }

    [Fact]
    public void ExtraFieldsAreSentAfterTheTypedOnesAndMayHoldFiles()
    {
        var folder = Directory.CreateTempSubdirectory("cr-extra-").FullName;
        try
        {
            var still = MediaFile(folder, "last.png", PngSignature);
            var result = fixture.Run(
                $"New-RunwayFeedVideoTask 'to the end frame' -Image {Image} -ExtraField ([ordered]@{{ last_image = [System.IO.FileInfo]::new($Still); note = [pscustomobject]@{{ a = 1 }} }}) {Connection}",
                new() { ["Still"] = still });

            Assert.True(result.Errors.Count == 0, result.AllText());
            var body = Body(Assert.Single(emulator.CreatedTasks));
            Assert.StartsWith("data:image/png;base64,", body.GetProperty("last_image").GetString());
            Assert.Equal(1, body.GetProperty("note").GetProperty("a").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WatermarkIsSentOnlyWhenGivenAndTheExtraFieldRefusalPointsToAParameterThatExists()
    {
        var result = fixture.Run(
            $"New-RunwayImageToVideoTask {Image} 'off' -Watermark:$false {Connection}; New-RunwayImageToVideoTask {Image} 'on' -Watermark {Connection}; New-RunwayImageToVideoTask {Image} 'unset' {Connection}; "
            + $"New-RunwayImageToVideoTask {Image} 'refused' -ExtraField @{{ watermark = $false }} {Connection}");

        var bodies = emulator.CreatedTasks.Select(Body).ToDictionary(b => b.GetProperty("promptText").GetString()!);
        Assert.False(bodies["off"].GetProperty("watermark").GetBoolean());
        Assert.True(bodies["on"].GetProperty("watermark").GetBoolean());
        Assert.False(bodies["unset"].TryGetProperty("watermark", out _));
        var refusal = Assert.Single(result.Errors);
        Assert.Contains("ExtraField sets 'watermark'", refusal.ErrorDetails.Message);
        Assert.True(fixture.Run("(Get-Command New-RunwayImageToVideoTask).Parameters.ContainsKey('Watermark')").Output.Single() is true);
    }
}
