using System.Net;
using System.Net.Sockets;
using CometRunway.Core.Configuration;
using CometRunway.Core.Creating;
using CometRunway.Core.Http;
using CometRunway.Core.Retry;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;
using CometRunway.Emulator;
using CometRunway.Emulator.Faults;

namespace CometRunway.Core.Tests.Creating;

/// <summary>
/// Never a duplicate paid task: a create is retried only when it surely never reached the server (or was turned away with
/// a 429); after an ambiguous failure it is sent once, and the error says the task may exist. The emulator counts requests
/// and created tasks to prove it.
/// </summary>
public sealed class CreateRetryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly CometApiEmulator emulator = fixture.Fresh();
    private readonly List<string> log = new();

    public static TheoryData<string> AmbiguousFaults() => ["proxy502", "500AfterCreating", "503WithRetryAfter", "drop", "reset", "truncated", "html200", "408"];

    [Theory]
    [MemberData(nameof(AmbiguousFaults))]
    public async Task AnAmbiguousFailureIsSentOnceAndSaysTheTaskMayExist(string fault)
    {
        emulator.Faults.Add((fault switch
        {
            "proxy502" => FaultRule.Gateway(502, "upstream error"),
            "500AfterCreating" => FaultRule.Status(500).AfterCreating(),
            "503WithRetryAfter" => FaultRule.Status(503, headers: new Dictionary<string, string> { ["Retry-After"] = "0" }).AfterCreating(),
            "drop" => FaultRule.Drop(),
            "reset" => FaultRule.Reset(),
            "truncated" => FaultRule.Truncated(),
            "html200" => FaultRule.Html(200).AfterCreating(),
            _ => FaultRule.Status(408),
        }).On(FaultRoute.Create).Always());

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => CreateAsync());

        Assert.Equal(CreateErrorKind.OutcomeUnknown, error.Kind);
        Assert.True(error.TaskMayExist);
        Assert.Contains("The task may exist", error.Message);
        Assert.Contains("was not retried automatically", error.Message);
        Assert.Equal(1, error.Attempts);
        Assert.Single(emulator.Requests);
        Assert.Equal(fault is "proxy502" or "408" ? 0 : 1, emulator.CreatedCount);
        Assert.DoesNotContain(log, line => line.StartsWith("Retry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeoutIsAmbiguousAndNotRetried()
    {
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromMinutes(5)).On(FaultRoute.Create).Always());
        var creator = Creators.For(emulator, log, new RunwayClientOptions { Retry = EmulatorFixture.FastRetries, RequestTimeout = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => creator.CreateAsync(Request(), CancellationToken.None));

        Assert.Equal(CreateErrorKind.OutcomeUnknown, error.Kind);
        Assert.Contains("no answer came within 1 seconds", error.Message);
        Assert.Single(emulator.Requests);
        Assert.Equal(1, emulator.CreatedCount);
    }

    [Fact]
    public async Task CancellingAfterSendingLetsTheCreateFinishWithItsTaskAndBeforeSendingJustCancels()
    {
        emulator.Faults.Add(FaultRule.Delay(TimeSpan.FromSeconds(1)).On(FaultRoute.Create).Always());
        var creator = Creators.For(emulator, log);
        using var cancel = new CancellationTokenSource();

        var pending = creator.CreateAsync(Request(), cancel.Token);
        await Eventually.HoldsAsync(() => emulator.CreatedCount == 1);
        cancel.Cancel();
        var task = await pending;
        var before = await Record.ExceptionAsync(() => creator.CreateAsync(Request(), cancel.Token));

        Assert.Equal(Assert.Single(emulator.CreatedTasks).Id, task.Id);
        Assert.IsAssignableFrom<OperationCanceledException>(before);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task ARateLimitIsRetriedAfterTheServersDelayBecauseNothingWasCreated()
    {
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromMilliseconds(50), RetryAfterStyle.Milliseconds).On(FaultRoute.Create));

        var task = await CreateAsync();

        Assert.Equal(2, emulator.Requests.Count);
        Assert.Equal(task.Id, Assert.Single(emulator.CreatedTasks).Id);
        Assert.Contains(log, line => line.StartsWith("Retry 1 of 2 for the image_to_video create in 0.1 s: RateLimited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateLimitsThatLastOrAskTooLongEndAsRateLimitedWithNoTask()
    {
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromMilliseconds(10), RetryAfterStyle.Milliseconds).On(FaultRoute.Create).Always());
        var persistent = await Assert.ThrowsAsync<RunwayCreateException>(() => CreateAsync());
        emulator.Reset();
        emulator.Faults.Add(FaultRule.RateLimited(TimeSpan.FromMinutes(10)).On(FaultRoute.Create));
        var tooLong = await Assert.ThrowsAsync<RunwayCreateException>(() => CreateAsync());

        Assert.Equal((CreateErrorKind.RateLimited, 3, false), (persistent.Kind, persistent.Attempts, persistent.TaskMayExist));
        Assert.Contains("No task was created", persistent.Message);
        Assert.Equal((CreateErrorKind.RateLimited, 1, TimeSpan.FromMinutes(10)), (tooLong.Kind, tooLong.Attempts, tooLong.RetryAfter));
        Assert.Single(emulator.Requests);
        Assert.Equal(0, emulator.CreatedCount);
    }

    [Fact]
    public async Task AnExhaustedQuotaIsNotRetried()
    {
        emulator.Faults.Add(FaultRule.QuotaExhausted().On(FaultRoute.Create).Always());

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => CreateAsync());

        Assert.Equal((CreateErrorKind.QuotaExhausted, 1), (error.Kind, error.Attempts));
        Assert.Contains("top up", error.Message);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task ARefusedConnectionIsRetriedBecauseNothingWasSentAndEndsAsNotReached()
    {
        var closedPort = ClosedPort();
        var creator = new RunwayTaskCreator(
            new CometApiConnection(new Uri($"http://127.0.0.1:{closedPort}/"), ApiKey.FromString(emulator.ApiKey)),
            new RunwayClientOptions { Retry = EmulatorFixture.FastRetries, Log = entry => log.Add(entry.Message) });

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => creator.CreateAsync(Request(), CancellationToken.None));

        Assert.Equal((CreateErrorKind.NotReached, 3, false), (error.Kind, error.Attempts, error.TaskMayExist));
        Assert.Contains("Nothing was sent, so no task was created.", error.Message);
        Assert.Equal(2, log.Count(line => line.StartsWith("Retry", StringComparison.Ordinal)));
        Assert.All(log.Where(line => line.StartsWith("POST", StringComparison.Ordinal)), line => Assert.Contains("before sending", line));
    }

    [Fact]
    public async Task AnUnknownHostIsNotReached()
    {
        var creator = new RunwayTaskCreator(
            new CometApiConnection(new Uri("http://no-such-host.invalid/"), ApiKey.FromString(emulator.ApiKey)),
            new RunwayClientOptions { Retry = RetryPolicy.None });

        var error = await Assert.ThrowsAsync<RunwayCreateException>(() => creator.CreateAsync(Request(), CancellationToken.None));

        Assert.Equal(CreateErrorKind.NotReached, error.Kind);
        Assert.Contains("no-such-host.invalid", error.Message);
    }

    [Fact]
    public async Task AFreshConnectionAfterADropDoesNotResendTheCreate()
    {
        // Warm the pooled connection, then drop the next create before any answer byte: the handler must not replay the POST.
        await CreateAsync();
        emulator.Faults.Add(FaultRule.Drop().On(FaultRoute.Create));

        await Assert.ThrowsAsync<RunwayCreateException>(() => CreateAsync());
        var after = await CreateAsync();

        Assert.Equal(3, emulator.Requests.Count);
        Assert.Equal(3, emulator.CreatedCount);
        Assert.Equal(after.Id, emulator.CreatedTasks[2].Id);
    }

    private ImageToVideoRequest Request() => new() { PromptImage = Creators.Image, PromptText = "a cat walks" };

    private Task<RunwayTask> CreateAsync() => Creators.For(emulator, log).CreateAsync(Request(), CancellationToken.None);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
