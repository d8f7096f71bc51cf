using System.Collections.Concurrent;
using CometRunway.Core.Creating;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;

namespace CometRunway.Core.Tests.Creating;

/// <summary>Many creates over the emulator: in input order, failures in their place, cancellation that loses no sent create.</summary>
public sealed class BatchTaskCreatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CometApiEmulator emulator = fixture.Fresh();
    private readonly ConcurrentQueue<CreateEvent> reported = new();

    [Fact]
    public async Task ResultsComeInTheOrderAddedEvenWhenTheFirstAnswersLast()
    {
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromMilliseconds(500)).On(FaultRoute.Create));
        var batch = new BatchTaskCreator(Creators.For(emulator), maxConcurrency: 3, reported.Enqueue, CancellationToken.None);

        var requests = Enumerable.Range(0, 8).Select(i => new ProGenerateRequest { Prompt = $"comet {i}" }).ToArray();
        var sequences = requests.Select(batch.Add).ToArray();
        await batch.WhenAllAsync().WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), sequences);
        var created = reported.Cast<CreateEvent.Created>().ToArray();
        Assert.Equal(sequences, created.Select(e => e.Sequence));
        Assert.Equal(requests, created.Select(e => e.Request));
        Assert.Equal(requests.Select(r => r.Prompt), created.Select(e => e.Task.Prompt));
        Assert.Equal(8, emulator.CreatedCount);
        Assert.Equal(emulator.CreatedTasks.Select(t => t.Id).Order(), created.Select(e => e.Task.Id).Order());
    }

    [Fact]
    public async Task FailuresAreReportedInTheirPlaceAndTheRestGoOn()
    {
        var batch = new BatchTaskCreator(Creators.For(emulator), maxConcurrency: 4, reported.Enqueue, CancellationToken.None);

        batch.Add(new VideoUpscaleRequest { VideoUri = Creators.Video });
        batch.Add(new ImageToVideoRequest { PromptImage = Creators.Image, Ratio = "16x9" });
        batch.Add(new ImageToVideoRequest { PromptImage = Creators.Image, Model = "gen3a_turbo" });
        batch.Add(new ProActOneRequest { Video = Creators.Video, Image = Creators.Image });
        await batch.WhenAllAsync().WaitAsync(Patience);

        var events = reported.ToArray();
        Assert.IsType<CreateEvent.Created>(events[0]);
        Assert.Equal(CreateErrorKind.InvalidRequest, Assert.IsType<RunwayCreateException>(Assert.IsType<CreateEvent.Failed>(events[1]).Error).Kind);
        Assert.Equal(CreateRefusal.RetiredModel, Assert.IsType<RunwayCreateException>(Assert.IsType<CreateEvent.Failed>(events[2]).Error).Refusal);
        Assert.IsType<CreateEvent.Created>(events[3]);
        Assert.Equal([0L, 1, 2, 3], events.Select(e => e.Sequence));
        Assert.Equal(2, emulator.CreatedCount);
    }

    [Fact]
    public async Task CancellingDropsUnsentCreatesAndReportsTheOneAlreadySent()
    {
        // The sent create is not cancelled (CR9): it ends within its request timeout and is reported with its task.
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(1)).On(FaultRoute.Create).Always());
        using var cancel = new CancellationTokenSource();
        var batch = new BatchTaskCreator(Creators.For(emulator), maxConcurrency: 1, reported.Enqueue, cancel.Token);

        for (var i = 0; i < 3; i++)
        {
            batch.Add(new VideoUpscaleRequest { VideoUri = Creators.Video });
        }

        await Eventually.HoldsAsync(() => emulator.CreatedCount == 1);

        cancel.Cancel();
        await batch.WhenAllAsync().WaitAsync(Patience);

        var created = Assert.IsType<CreateEvent.Created>(Assert.Single(reported));
        Assert.Equal(0, created.Sequence);
        Assert.Equal(Assert.Single(emulator.CreatedTasks).Id, created.Task.Id);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task AThrowingReportCallbackFaultsTheBatchButEveryOutcomeIsStillReported()
    {
        var seen = new List<long>();
        var batch = new BatchTaskCreator(Creators.For(emulator), maxConcurrency: 2, e =>
        {
            seen.Add(e.Sequence);
            if (e.Sequence == 0)
            {
                throw new InvalidOperationException("consumer bug");
            }
        }, CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            batch.Add(new VideoUpscaleRequest { VideoUri = Creators.Video });
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => batch.WhenAllAsync().WaitAsync(Patience));

        Assert.Equal("consumer bug", error.Message);
        Assert.Equal([0L, 1, 2], seen);
    }
}
