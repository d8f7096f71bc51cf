using CometRunway.Core.Configuration;
using CometRunway.Core.Creating;
using CometRunway.Core.Http;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;

namespace CometRunway.Core.Tests.Creating;

/// <summary>Creators pointed at an emulator, with fast retries and their log lines kept.</summary>
internal static class Creators
{
    public static RunwayTaskCreator For(CometApiEmulator emulator, ICollection<string>? log = null, RunwayClientOptions? options = null, string? key = null) =>
        new(
            new CometApiConnection(emulator.BaseUri, ApiKey.FromString(key ?? emulator.ApiKey)),
            (options ?? new RunwayClientOptions { Retry = EmulatorFixture.FastRetries, RequestTimeout = TimeSpan.FromSeconds(20) }) with
            {
                Log = log is null ? null : entry =>
                {
                    lock (log)
                    {
                        log.Add(entry.Message);
                    }
                },
            });

    public static MediaInput Image { get; } = MediaInput.FromUrl("https://assets.example.com/cat.png");

    public static MediaInput Video { get; } = MediaInput.FromUrl("https://assets.example.com/clip.mp4");

    /// <summary>The smallest valid typed request of every documented route.</summary>
    public static CreateRequest[] EveryRoute() =>
    [
        new ImageToVideoRequest { PromptImage = Image, PromptText = "a cat walks" },
        new TextToImageRequest { PromptText = "@cat on a sofa", ReferenceImages = [new ReferenceImage { Uri = Image, Tag = "cat" }] },
        new VideoToVideoRequest { VideoUri = Video, PromptText = "make it snow" },
        new VideoUpscaleRequest { VideoUri = Video },
        new CharacterPerformanceRequest { Character = PerformanceInput.From(Image), Reference = PerformanceInput.From(Video, "video") },
        new ProGenerateRequest { Prompt = "a comet over a runway" },
        new ProVideoToVideoRequest { Video = Video, Prompt = "pixelated" },
        new ProActOneRequest { Video = Video, Image = Image },
    ];
}
