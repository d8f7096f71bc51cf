using CometRunway.Core.Http;
using CometRunway.Core.Json;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Http;

/// <summary>Issues 10.12 and 10.8 over the wire: what a server echoes or piles into an answer.</summary>
public sealed class EchoAndSizeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture fixture;
    private readonly CometApiEmulator emulator;

    public EchoAndSizeTests(EmulatorFixture fixture)
    {
        this.fixture = fixture;
        emulator = fixture.Fresh();
    }

    [Theory]
    [InlineData(RunwayTaskFormat.Official)]
    [InlineData(RunwayTaskFormat.Feed)]
    public async Task AFailedTaskWhoseFailureQuotesTheKeyComesBackWithoutIt(RunwayTaskFormat format)
    {
        emulator.Tasks.Add(EmulatedTask.Fails("echo-1", $"upstream rejected Bearer {emulator.ApiKey} (request id: r1)", code: $"AUTH.{emulator.ApiKey}"));

        var task = await fixture.Client().GetTaskAsync("echo-1", format, default);

        Assert.Equal(RunwayTaskStatus.Failed, task.Status);
        Assert.Equal("upstream rejected Bearer **** (request id: r1)", task.FailureReason);
        Assert.Equal("AUTH.****", task.FailureCode);
        Assert.DoesNotContain(emulator.ApiKey, task.ToString());
    }

    [Theory]
    [InlineData(RunwayTaskFormat.Official)]
    [InlineData(RunwayTaskFormat.Feed)]
    public async Task AFailureTextOfMegabytesIsCutOnArrival(RunwayTaskFormat format)
    {
        // 3 MiB, which the feed's body carries twice (fail_reason and the nested failure): under the 8 MiB body cap.
        var reason = new string('z', 3 * 1024 * 1024);
        emulator.Tasks.Add(EmulatedTask.Fails("huge-1", reason));

        var task = await fixture.Client().GetTaskAsync("huge-1", format, default);

        Assert.Equal(RunwayTaskStatus.Failed, task.Status);
        Assert.EndsWith($"(cut at {ServerText.MaxChars} of {reason.Length} characters)", task.FailureReason);
        Assert.True(task.FailureReason!.Length < ServerText.MaxChars + 60);
    }

    [Fact]
    public async Task AnErrorMessageOfMegabytesIsCutInTheError()
    {
        emulator.Tasks.Add(EmulatedTask.Pending("err-1"));
        emulator.Faults.Add(FaultRule.Gateway(400, new string('m', 3 * 1024 * 1024)) with { Count = null });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => fixture.Client().GetTaskAsync("err-1", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.BadRequest, error.Kind);
        Assert.Contains("characters)", error.Message);
        Assert.True(error.Message.Length < ServerText.MaxChars + 400, $"{error.Message.Length} characters");
    }
}
