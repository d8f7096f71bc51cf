using CometRunway.Core.Configuration;
using CometRunway.Core.Creating;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Emulator;
using CometRunway.Core.Tests.Support;
using CometRunway.Core.Tests.Waiting;
using CometRunway.Core.Waiting;
using CometRunway.Emulator;

namespace CometRunway.Core.Tests.Creating;

/// <summary>Created tasks go straight into the waiter: it rides out task_not_exist and ends them with their output, keeping the request's model and prompt.</summary>
public sealed class CreatedTaskWaitTests(ClockedEmulatorFixture fixture) : IClassFixture<ClockedEmulatorFixture>
{
    private readonly CometApiEmulator emulator = fixture.Fresh();

    [Fact]
    public async Task FreshTasksOfBothFamiliesAreWaitedForWithoutASpuriousErrorWhileTheyAreNotVisible()
    {
        var creator = Creators.For(emulator);
        var created = new[]
        {
            await creator.CreateAsync(new ImageToVideoRequest { PromptImage = Creators.Image }, CancellationToken.None),
            await creator.CreateAsync(new TextToImageRequest { PromptText = "@cat", ReferenceImages = [new ReferenceImage { Uri = Creators.Image, Tag = "cat" }] }, CancellationToken.None),
            await creator.CreateAsync(new ProGenerateRequest { Prompt = "a comet" }, CancellationToken.None),
        };
        var client = new RunwayClient(
            new CometApiConnection(emulator.BaseUri, ApiKey.FromString(emulator.ApiKey)),
            new RunwayClientOptions { Retry = RetryPolicy.None, RequestTimeout = TimeSpan.FromSeconds(10) });
        var drain = new EventDrain();
        var waiter = new RunwayTaskWaiter(client, drain.Report, drain.Verbose, WaitTestOptions.Fast() with { NotFoundTimeout = TimeSpan.FromMinutes(5) });
        foreach (var task in created)
        {
            Assert.Equal(WaitAddResult.Added, waiter.Add(task));
        }

        waiter.CompleteAdding();
        var run = waiter.RunAsync(CancellationToken.None);

        // The emulator's clock stands still: every task answers task_not_exist until it is moved on.
        await Eventually.HoldsAsync(() => emulator.Requests.Count(r => r.Method == "GET") >= 4 && emulator.Requests.Count(r => r.Path == "/runway/feed") >= 2);
        fixture.Clock.Advance(emulator.CreateSettings.VisibleAfter + emulator.CreateSettings.RunsFor);
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(60));

        var events = drain.Finish();
        Assert.Empty(events.OfType<TaskNotFoundEvent>());
        Assert.Empty(events.OfType<TaskErrorEvent>());
        var succeeded = events.OfType<TaskSucceededEvent>().Select(e => e.Task).ToDictionary(t => t.Id);
        Assert.Equal(3, summary.Succeeded);
        foreach (var task in created)
        {
            var done = succeeded[task.Id];
            Assert.Equal((task.Format, RunwayTaskStatus.Succeeded), (done.Format, done.Status));
            Assert.Equal((task.Model, task.Prompt), (done.Model, done.Prompt));
            Assert.NotNull(done.Model);
            Assert.EndsWith(task.Action == "text_to_image" ? ".png" : ".mp4", Assert.Single(done.Output).AbsolutePath);
        }
    }
}
