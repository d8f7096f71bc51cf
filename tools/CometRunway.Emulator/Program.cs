namespace CometRunway.Emulator;

/// <summary>The standalone emulator for offline demos: demo tasks, runs until Ctrl+C.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, stop.Token);
    }

    /// <summary>Starts the demo emulator, prints how to use it and runs until <paramref name="stop"/> fires. Returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken stop)
    {
        var arguments = StandaloneArguments.TryParse(args, out var error);
        if (arguments is null)
        {
            await errors.WriteLineAsync(error);
            await errors.WriteLineAsync(StandaloneArguments.Usage);
            return 2;
        }

        if (arguments.ShowHelp)
        {
            await output.WriteLineAsync(StandaloneArguments.Usage);
            return 0;
        }

        CometApiEmulator emulator;
        try
        {
            emulator = await CometApiEmulator.StartAsync(
                new EmulatorOptions { Port = arguments.Port, ApiKey = arguments.ApiKey, DemoMode = true },
                stop);
        }
        catch (IOException e)
        {
            await errors.WriteLineAsync($"Cannot listen on 127.0.0.1:{arguments.Port}: {e.Message} Try another --port, or --port 0.");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        await using (emulator)
        {
            await output.WriteLineAsync(Banner(emulator));
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
            }

            await output.WriteLineAsync("Stopping the CometAPI emulator.");
        }

        return 0;
    }

    private static string Banner(CometApiEmulator emulator)
    {
        var baseUrl = emulator.BaseUri.AbsoluteUri.TrimEnd('/');
        return $$"""
            CometAPI emulator listening on {{baseUrl}}  (Ctrl+C to stop)
            Accepted API key: {{emulator.ApiKey}}

            Demo task ids: demo-succeeded, demo-failed, missing-<anything> (never visible),
            and any other id: created on first sight, succeeds after about {{emulator.Options.DemoTaskDuration.TotalSeconds:0}} seconds.

            Create routes: POST /runwayml/v1/{image_to_video,text_to_image,video_to_video,video_upscale,character_performance}
            and /runway/pro/{generate,video2video,act_one}; new tasks show after {{emulator.CreateSettings.VisibleAfter.TotalSeconds:0.#}} s and succeed {{emulator.CreateSettings.RunsFor.TotalSeconds:0.#}} s later.

            Try it (PowerShell):
              $env:COMETAPI_BASE_URL = '{{baseUrl}}'; $env:COMETAPI_KEY = '{{emulator.ApiKey}}'
              Get-RunwayTask -Id demo-succeeded
            Or with curl:
              curl -H 'Authorization: Bearer {{emulator.ApiKey}}' {{baseUrl}}/runwayml/v1/tasks/demo-succeeded
              curl -H 'Authorization: Bearer {{emulator.ApiKey}}' -H 'X-Runway-Version: 2024-11-06' -H 'Content-Type: application/json' \
                   -d '{"model":"gen4_turbo","promptImage":"https://example.com/cat.png","ratio":"1280:720"}' {{baseUrl}}/runwayml/v1/image_to_video
            """;
    }
}
