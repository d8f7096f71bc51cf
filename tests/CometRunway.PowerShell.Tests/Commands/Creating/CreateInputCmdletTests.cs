using CometRunway.Core.Creating;
using CometRunway.Core.Tasks;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;
using CometRunway.PowerShell.Tests.Hosting;
using static CometRunway.PowerShell.Tests.Commands.Creating.CreateScripts;

namespace CometRunway.PowerShell.Tests.Commands.Creating;

/// <summary>
/// What the user gives: values checked before anything is sent, with an error naming the parameter; files through the
/// PowerShell provider; CSV rows by property name; finished tasks by value; -WhatIf.
/// </summary>
[Collection(HostedCollection.Name)]
public sealed class CreateInputCmdletTests : IClassFixture<EmulatorHostFixture>, IDisposable
{
    private readonly EmulatorHostFixture fixture;
    private readonly CometApiEmulator emulator;
    private readonly string folder = Directory.CreateTempSubdirectory("cr-create-inputs-").FullName;

    public CreateInputCmdletTests(EmulatorHostFixture fixture)
    {
        this.fixture = fixture;
        emulator = Quick(fixture);
    }

    public void Dispose()
    {
        fixture.Run("$null = $ExecutionContext.SessionState.Path.SetLocation([System.IO.Path]::GetTempPath())");
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("New-RunwayImageToVideoTask {0} -Ratio 16x9", "Ratio", "write it with a colon: '16:9'")]
    [InlineData("New-RunwayImageToVideoTask {0} -Duration 11", "Duration", "from 2 to 10")]
    [InlineData("New-RunwayImageToVideoTask {0} -Seed 4294967296", "Seed", "from 0 to 4294967295")]
    [InlineData("New-RunwayImageToVideoTask {0} -PromptText ('x' * 1001)", "PromptText", "at most 1000")]
    [InlineData("New-RunwayImageToVideoTask {0} -Model 'gen4 turbo'", "Model", "not a model id")]
    [InlineData("New-RunwayImageToVideoTask ''", "PromptImage", "PromptImage is required")]
    [InlineData("New-RunwayImageToVideoTask http://assets.example.com/cat.png", "PromptImage", "not an HTTPS URL")]
    [InlineData("New-RunwayImageToVideoTask https://10.0.0.1/cat.png", "PromptImage", "IP address")]
    [InlineData("New-RunwayImageToVideoTask ./no-such-file.png", "PromptImage", "no-such-file.png")]
    [InlineData("New-RunwayImageToVideoTask Env:/PATH", "PromptImage", "Environment provider")]
    [InlineData("New-RunwayTextToImageTask 'a fox' ''", "ReferenceImage", "ReferenceImage is required")]
    [InlineData("New-RunwayTextToImageTask 'a fox' {0},{0},{0},{0}", "ReferenceImage", "1 to 3")]
    [InlineData("New-RunwayTextToImageTask '' {0}", "PromptText", "PromptText is required")]
    [InlineData("New-RunwayVideoToVideoTask {1} ''", "PromptText", "PromptText is required")]
    [InlineData("New-RunwayVideoUpscaleTask ''", "Video", "Video is required")]
    [InlineData("New-RunwayCharacterPerformanceTask {0} ''", "Reference", "Reference is required")]
    [InlineData("New-RunwayCharacterPerformanceTask {0} {1} -ExpressionIntensity 6", "ExpressionIntensity", "from 1 to 5")]
    [InlineData("New-RunwayFeedVideoTask ''", "PromptText", "PromptText is required")]
    [InlineData("New-RunwayFeedVideoTask 'a comet' -Duration 0", "Duration", "from 1 to 10")]
    [InlineData("New-RunwayFeedVideoTask 'a comet' -CallbackUri http://hooks.example.com/x", "CallbackUri", "not an https URL")]
    [InlineData("New-RunwayFeedVideoToVideoTask {1} -StructureTransformation 2", "StructureTransformation", "from 0 to 1")]
    [InlineData("New-RunwayFeedActOneTask {0} ''", "Video", "Video is required")]
    [InlineData("New-RunwayTask image_to_video '[1, 2]'", "Body", "JSON object")]
    [InlineData("New-RunwayTask image_to_video 'not json'", "Body", "not valid JSON")]
    [InlineData("New-RunwayTask image_to_video @(1, 2)", "Body", "hashtable")]
    public void ABadValueIsOneErrorNamingTheParameterAndNothingIsSent(string command, string parameter, string says)
    {
        var result = fixture.Run(string.Format(command, Image, Video) + " " + Connection);

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("RunwayCreateInvalidRequest", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(parameter, Assert.IsType<RunwayCreateException>(error.Exception).ParameterName);
        Assert.Contains(says, error.ErrorDetails.Message);
        Assert.Empty(emulator.Requests);
    }

    [Theory]
    [InlineData("New-RunwayTask 'runwayml/v1/../tasks' @{ a = 1 }", "not a route path")]
    [InlineData("New-RunwayTask 'v2/text_to_video' @{ a = 1 }", "Cannot tell how tasks")]
    [InlineData("New-RunwayTask pro/generate @{ a = 1 } -Format Official", "makes Feed tasks")]
    public void AnUnusableRouteStopsTheCommand(string command, string says)
    {
        var result = fixture.Run($"{command} {Connection}; 'after'");

        Assert.Equal(["after"], result.Output);
        Assert.Equal(["RunwayCreateInvalidRequest"], ErrorIds(result));
        Assert.Contains(says, result.Errors[0].ErrorDetails.Message);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public void LocalFilesResolveFromTheCurrentLocationAndGoInlineWithTheirMediaType()
    {
        MediaFile(folder, "still [1].png", PngSignature);
        MediaFile(folder, "take.mp4", Mp4Signature, 1000);

        var result = fixture.Run($"""
            $null = $ExecutionContext.SessionState.Path.SetLocation([System.Management.Automation.WildcardPattern]::Escape($Folder))
            New-RunwayImageToVideoTask './still [1].png' {Connection}
            New-RunwayFeedVideoToVideoTask ([System.IO.FileInfo]::new([System.IO.Path]::Combine($Folder, 'take.mp4'))) {Connection}
            New-RunwayVideoUpscaleTask "FileSystem::$Folder/take.mp4" {Connection}
            """, new() { ["Folder"] = folder });

        Assert.True(result.Errors.Count == 0, result.AllText());
        var bodies = emulator.CreatedTasks.Select(Body).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", bodies[0].GetProperty("promptImage").GetString());
        Assert.StartsWith("data:video/mp4;base64,", bodies[1].GetProperty("video").GetString());
        Assert.StartsWith("data:video/mp4;base64,", bodies[2].GetProperty("videoUri").GetString());
    }

    [Fact]
    public void AFileOverTheDataUriLimitIsRefusedBeforeAnythingIsSent()
    {
        var large = MediaFile(folder, "large.png", PngSignature, 3_800_000);

        var result = fixture.Run($"New-RunwayImageToVideoTask $Large {Connection}", new() { ["Large"] = large });

        Assert.Equal(["RunwayCreateInvalidRequest"], ErrorIds(result));
        Assert.Contains("over Runway's 5.0 MB limit", result.Errors[0].ErrorDetails.Message);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public void CsvRowsBindByTheirColumnNamesAndEmptyCellsMeanTheDefault()
    {
        var result = fixture.Run($"{Csv("Image,prompt_text,aspect_ratio,Seed,Duration,Model", "https://assets.example.com/1.png,first,,,,", "https://assets.example.com/2.png,second,720:1280,42,10,gen4.5")} | New-RunwayImageToVideoTask {Connection}");

        Assert.True(result.Errors.Count == 0, result.AllText());
        var tasks = result.Output.Cast<RunwayTask>().ToList();
        Assert.Equal([("first", "gen4_turbo"), ("second", "gen4.5")], tasks.Select(t => (t.Prompt, t.Model)));
        var bodies = emulator.CreatedTasks.OrderBy(c => c.Prompt).Select(Body).ToList();
        Assert.Equal("1280:720", bodies[0].GetProperty("ratio").GetString());
        Assert.False(bodies[0].TryGetProperty("seed", out _), "an empty Seed cell is no seed, not seed 0");
        Assert.False(bodies[0].TryGetProperty("duration", out _));
        Assert.Equal(("720:1280", 42, 10), (bodies[1].GetProperty("ratio").GetString(), bodies[1].GetProperty("seed").GetInt32(), bodies[1].GetProperty("duration").GetInt32()));
    }

    [Fact]
    public void ABadRowIsOneErrorAndTheTasksComeOutInInputOrderEvenWhenTheyFinishOutOfOrder()
    {
        // The first create's answer comes a second late; the others, sent meanwhile, are answered at once.
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(1)).On(FaultRoute.Create));
        var result = fixture.Run($"{Csv("PromptText,Duration", "one,5", "two,99", "three,5", "four,5")} | New-RunwayFeedVideoTask {Connection}");

        Assert.Equal(["RunwayCreateInvalidRequest"], ErrorIds(result));
        Assert.Contains("Duration 99", result.Errors[0].ErrorDetails.Message);
        Assert.Equal(["one", "three", "four"], result.Output.Cast<RunwayTask>().Select(t => t.Prompt));
    }

    [Fact]
    public void EachBadRowOfABatchIsAnErrorThatNamesItsPositionAndCarriesTheRowAsItsTarget()
    {
        MediaFile(folder, "still.png", PngSignature);
        fixture.Run($"$null = $ExecutionContext.SessionState.Path.SetLocation('{folder}')");
        var rows = Csv("PromptImage,PromptText,Ratio,Duration",
            "./still.png,a cat in a hat walking down a long road,1280:720,5",
            "./still.png,a dog,16x9,5",
            "./missing.png,a bird,1280:720,5",
            "./still.png,a fish,1280:720,12");

        var result = fixture.Run($"{rows} | New-RunwayImageToVideoTask {Connection}");

        Assert.Single(result.Output);
        Assert.Equal(["RunwayCreateInvalidRequest", "RunwayCreateInvalidRequest", "RunwayCreateInvalidRequest"], ErrorIds(result));
        var messages = result.Errors.Select(e => e.ErrorDetails.Message).ToList();
        Assert.StartsWith("Input 2 (prompt 'a dog', ./still.png): Ratio '16x9' uses 'x'", messages[0]);
        Assert.StartsWith("Input 3 (prompt 'a bird', ./missing.png): PromptImage: cannot read the file", messages[1]);
        Assert.Contains("missing.png", messages[1]);
        Assert.StartsWith("Input 4 (prompt 'a fish', ./still.png): Duration 12 is out of range", messages[2]);
        Assert.Equal("Input 2 (prompt 'a dog', ./still.png): " + result.Errors[0].Exception.Message, result.Errors[0].ToString());
        var targets = result.Errors.Select(e => Assert.IsType<System.Management.Automation.PSObject>(e.TargetObject)).ToList();
        Assert.Equal(["PromptImage", "PromptText", "Ratio", "Duration"], targets[1].Properties.Select(p => p.Name));
        Assert.Equal(("./missing.png", "a bird", "12"), ((string)targets[1].Properties["PromptImage"].Value, (string)targets[1].Properties["PromptText"].Value, targets[2].Properties["Duration"].Value?.ToString()));
        Assert.Equal("16x9", targets[0].Properties["Ratio"].Value);
    }

    [Fact]
    public void AFailedRowsTargetPipesAgainAsTheSameInputAndALongPromptIsShortened()
    {
        MediaFile(folder, "still.png", PngSignature);
        fixture.Run($"$null = $ExecutionContext.SessionState.Path.SetLocation('{folder}')");

        var result = fixture.Run($"$failed = @(); {Csv("PromptImage,PromptText,Ratio", "./still.png,a comet crossing the night sky over a frozen lake,16x9")} | New-RunwayImageToVideoTask -Duration 5 {Connection} -ErrorVariable +failed -ErrorAction SilentlyContinue; "
            + $"$failed | ForEach-Object TargetObject | ForEach-Object {{ $_.Ratio = '1280:768'; $_ }} | New-RunwayImageToVideoTask {Connection} | ForEach-Object Prompt; "
            + "$failed.Count; $failed[0].ToString()");

        Assert.True(result.Errors.Count == 0, result.AllText());
        Assert.Equal("a comet crossing the night sky over a frozen lake", result.Output[0]?.ToString());
        Assert.Equal(1, result.Output[1]);
        Assert.StartsWith("Input 1 (prompt 'a comet crossing the night sky…', ./still.png): Ratio", result.Output[2]?.ToString());
        Assert.Single(emulator.CreatedTasks);
        var body = Body(emulator.CreatedTasks.Single());
        Assert.Equal("1280:768", body.GetProperty("ratio").GetString());
        Assert.False(body.TryGetProperty("duration", out _), "-Duration was typed, not piped: it is not part of the row");
    }

    [Fact]
    public void ARowsTargetHoldsOnlyWhatThatRowBoundNotAnEarlierRowsColumns()
    {
        var result = fixture.Run($"[pscustomobject]@{{ PromptImage = '{Image}'; Seed = 7; Model = 'gen4.5' }}, [pscustomobject]@{{ PromptImage = '{Image}'; Ratio = '16x9' }} | New-RunwayImageToVideoTask {Connection}");

        var target = Assert.IsType<System.Management.Automation.PSObject>(Assert.Single(result.Errors).TargetObject);
        Assert.Equal(["PromptImage", "Ratio"], target.Properties.Select(p => p.Name));
        Assert.Equal("gen4.5", Assert.Single(emulator.CreatedTasks).Model);
    }

    [Fact]
    public void TextPipedInIsTheTargetOfItsErrorAndAServerRefusalNamesTheInputToo()
    {
        var result = fixture.Run($"'first', '   ' | New-RunwayFeedVideoTask {Connection}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("   ", error.TargetObject);
        Assert.StartsWith("Input 2 (prompt ''): PromptText is required", error.ErrorDetails.Message);

        emulator.Faults.Add(FaultRule.Status(200, """{"code":400,"msg":"callback_url_empty","data":null}""").On(FaultRoute.Create));
        var refused = fixture.Run($"'a refused prompt' | New-RunwayFeedVideoTask {Connection}");

        var refusal = Assert.Single(refused.Errors);
        Assert.Equal("a refused prompt", refusal.TargetObject);
        Assert.StartsWith("Input 1 (prompt 'a refused prompt'): ", refusal.ErrorDetails.Message);
    }

    [Fact]
    public void ADurationTheModelIsNotKnownToTakeIsAWarningNamingTheRowAndIsSentAsGiven()
    {
        var result = fixture.Run($"{Csv("PromptImage,Model,Duration", Image + ",veo3,8", Image + ",veo3,5")} | New-RunwayImageToVideoTask {Connection}");

        Assert.True(result.Errors.Count == 0, result.AllText());
        Assert.Equal(["Input 2 (https://assets.example.com/cat.png): The duration 5 is not one veo3 is known to take (8 seconds); it is sent as given."], result.Warnings);
        Assert.Equal([8, 5], emulator.CreatedTasks.Select(Body).Select(b => b.GetProperty("duration").GetInt32()).Order().Reverse());
    }

    [Theory]
    [InlineData("New-RunwayVideoUpscaleTask $Still", "Video: the file '{0}' is an image; give an MP4, MOV or WebM video.")]
    [InlineData("New-RunwayImageToVideoTask $Clip", "PromptImage: the file '{1}' is a video; give a PNG, JPEG or WebP image.")]
    public void MediaOfTheWrongKindIsNamedLikeTheOtherFileErrors(string command, string message)
    {
        var still = MediaFile(folder, "still.png", PngSignature);
        var clip = MediaFile(folder, "clip.mp4", Mp4Signature);

        var result = fixture.Run($"{command} {Connection}", new() { ["Still"] = still, ["Clip"] = clip });

        Assert.Equal(string.Format(message, still, clip), Assert.Single(result.Errors).ErrorDetails.Message);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public void WhatIfSendsNothingWritesNothingAndShowsNoKey()
    {
        MediaFile(folder, "still.png", PngSignature);

        var result = fixture.Run($"New-RunwayImageToVideoTask ([System.IO.Path]::Combine($Folder, 'still.png')) 'a cat' -WhatIf -Verbose {Connection}", new() { ["Folder"] = folder });

        Assert.Empty(result.Output);
        Assert.Empty(result.Errors);
        Assert.Empty(emulator.Requests);
        Assert.DoesNotContain(emulator.ApiKey, result.AllText());
    }

    [Fact]
    public void AFinishedTasksOutputBecomesTheNextTasksInputAndItsModelAndPromptDoNot()
    {
        emulator.Tasks.Add(EmulatedTask.Succeeded("made-image", "https://cdn.example.com/made-image.png"));

        var result = fixture.Run($"Get-RunwayTask made-image {Connection} | New-RunwayImageToVideoTask -PromptText 'the fox runs' {Connection}");

        Assert.True(result.Errors.Count == 0, result.AllText());
        var task = Assert.IsType<RunwayTask>(Assert.Single(result.Output));
        Assert.Equal(("gen4_turbo", "the fox runs"), (task.Model, task.Prompt));
        Assert.Equal("https://cdn.example.com/made-image.png", Body(Assert.Single(emulator.CreatedTasks)).GetProperty("promptImage").GetString());
    }

    [Fact]
    public void ATaskWithoutOutputOrAnObjectThatIsNoTaskIsAnErrorNamingInputObject()
    {
        emulator.Tasks.Add(EmulatedTask.Running("still-running", 0.5));

        var result = fixture.Run($$"""
            Get-RunwayTask still-running {{Connection}} | New-RunwayVideoUpscaleTask {{Connection}}
            [pscustomobject]@{ Prompt = 'no video column' } | New-RunwayVideoUpscaleTask {{Connection}}
            """);

        Assert.Equal(["RunwayCreateInvalidRequest", "InputObjectNotBound"], ErrorIds(result));
        Assert.Contains("Wait-RunwayTask", result.Errors[0].ErrorDetails.Message);
        Assert.Empty(emulator.CreatedTasks);
    }

    /// <summary>CR7: a task that went through PSSerializer (Import-Clixml, jobs, remoting) and a hand-made one bind as tasks.</summary>
    [Fact]
    public void DeserializedAndHandMadeTasksBindAsTasks()
    {
        emulator.Tasks.Add(EmulatedTask.Succeeded("made-video", "https://cdn.example.com/made-video.mp4"));

        var result = fixture.Run($$"""
            $live = Get-RunwayTask made-video {{Connection}}
            [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($live)) | New-RunwayVideoUpscaleTask {{Connection}}
            [pscustomobject]@{ Id = 'hand-made'; Status = 'SUCCEEDED'; Output = 'https://cdn.example.com/hand.mp4' } | New-RunwayVideoUpscaleTask {{Connection}}
            """);

        Assert.True(result.Errors.Count == 0, result.AllText());
        Assert.Equal(
            ["https://cdn.example.com/made-video.mp4", "https://cdn.example.com/hand.mp4"],
            emulator.CreatedTasks.Select(t => Body(t).GetProperty("videoUri").GetString()));
    }

    /// <summary>N7: a task piped into New-RunwayFeedVideoTask is a task input, never a prompt: a pending one creates nothing.</summary>
    [Fact]
    public void ATaskPipedIntoNewRunwayFeedVideoTaskIsNeverCreatedAgain()
    {
        emulator.Tasks.Add(EmulatedTask.Succeeded("made-image", "https://cdn.example.com/made-image.png"));

        var result = fixture.Run($"""
            $first = New-RunwayFeedVideoTask 'original prompt' -Model gen4_turbo {Connection}
            $first | New-RunwayFeedVideoTask {Connection}
            $first | New-RunwayFeedVideoTask -PromptText again {Connection}
            Get-RunwayTask made-image {Connection} | New-RunwayFeedVideoTask -PromptText zoom {Connection}
            """);

        Assert.Equal(["RunwayCreateInvalidRequest", "RunwayCreateInvalidRequest"], ErrorIds(result));
        Assert.All(result.Errors, e => Assert.Contains("Pending", e.Exception.Message));
        Assert.Equal(2, emulator.CreatedTasks.Count);
        var chained = Body(emulator.CreatedTasks[1]);
        Assert.Equal(("zoom", "gen4", "https://cdn.example.com/made-image.png"), (chained.GetProperty("prompt").GetString(), chained.GetProperty("model").GetString(), chained.GetProperty("image").GetString()));
    }

    /// <summary>N10: text piped in is the prompt of New-RunwayFeedVideoTask and the image of New-RunwayImageToVideoTask.</summary>
    [Fact]
    public void TextPipedInIsThePromptOrTheMainInput()
    {
        MediaFile(folder, "still.png", PngSignature);

        var result = fixture.Run($"""
            'first prompt', 'second prompt' | New-RunwayFeedVideoTask {Connection}
            [System.IO.Path]::Combine($Folder, 'still.png') | New-RunwayImageToVideoTask -PromptText 'it zooms' {Connection}
            """, new() { ["Folder"] = folder });

        Assert.True(result.Errors.Count == 0, result.AllText());
        var bodies = emulator.CreatedTasks.Select(Body).ToList();
        Assert.Equal(["first prompt", "second prompt"], bodies.Take(2).Select(b => b.GetProperty("prompt").GetString()));
        Assert.StartsWith("data:image/png;base64,", bodies[2].GetProperty("promptImage").GetString());
    }

    /// <summary>
    /// A script expression for the rows ConvertFrom-Csv would make of these lines: objects of string properties, an
    /// empty cell an empty string (the hosted engine has no Utility module, so no ConvertFrom-Csv).
    /// </summary>
    private static string Csv(string header, params string[] rows)
    {
        var names = header.Split(',');
        var objects = rows.Select(row => "[pscustomobject][ordered]@{ " + string.Join("; ", row.Split(',').Select((cell, i) => $"'{names[i]}' = '{cell}'")) + " }");
        return "@(" + string.Join(", ", objects) + ")";
    }
}
