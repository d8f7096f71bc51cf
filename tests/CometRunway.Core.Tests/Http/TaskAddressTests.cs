using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Emulator;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Core.Tests.Http;

/// <summary>
/// A task is read where it came from, and the key goes only to an address it is trusted with: the rule
/// (ConnectionResolver.ForTask) and the routing (RoutedTaskSource), over two emulators on two ports.
/// </summary>
public sealed class TaskAddressTests : IAsyncLifetime
{
    private const string Key = "sk-emulator-test-key";
    private CometApiEmulator home = null!;
    private CometApiEmulator other = null!;

    public async Task InitializeAsync()
    {
        home = await CometApiEmulator.StartAsync();
        other = await CometApiEmulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await home.DisposeAsync();
        await other.DisposeAsync();
    }

    private CometApiConnection Resolved => new(home.BaseUri, ApiKey.FromString(Key));

    [Fact]
    public void TheAddressTheKeyWasResolvedForIsUsedAsIs()
    {
        var resolved = Resolved;

        Assert.Same(resolved, ConnectionResolver.ForTask(resolved, home.BaseUri, "t", _ => false));
    }

    [Fact]
    public void AnotherPathOnTheSameOriginIsTrusted()
    {
        var prefixed = new Uri(home.BaseUri, "gateway/team-a");

        var connection = ConnectionResolver.ForTask(Resolved, prefixed, "t", _ => false);

        Assert.Equal(new Uri(home.BaseUri, "gateway/team-a/"), connection.BaseUri);
    }

    [Fact]
    public void AnotherOriginIsTrustedOnlyOnceTheSessionUsedTheKeyThere()
    {
        var asked = new List<Uri>();

        var connection = ConnectionResolver.ForTask(Resolved, other.BaseUri, "t", address => { asked.Add(address); return true; });

        Assert.Equal(other.BaseUri, connection.BaseUri);
        Assert.Equal("sk-emulator-test-key", connection.ApiKey.Reveal());
        Assert.Equal(other.BaseUri, Assert.Single(asked));
    }

    [Fact]
    public void AnUntrustedOriginIsRefusedWithWhatToDo()
    {
        var error = Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.ForTask(Resolved, new Uri("https://harvest.example/api"), "t-9", _ => false));

        Assert.Equal(ConfigurationErrorKind.TaskBaseUriNotTrusted, error.Kind);
        Assert.Contains("Task 't-9' came from https://harvest.example", error.Message);
        Assert.Contains(ConnectionResolver.Origin(home.BaseUri), error.Message);
        Assert.Contains("-BaseUri https://harvest.example/api/", error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    [Theory]
    [InlineData("ftp://files.example/")]
    [InlineData("https://user:secret@api.example/")]
    [InlineData("https://api.example/?key=1")]
    public void AnAddressThatIsNoBaseAddressIsRefusedWithoutShowingUserInformation(string address)
    {
        var error = Assert.Throws<CometApiConfigurationException>(() => ConnectionResolver.ForTask(Resolved, new Uri(address), "t", _ => true));

        Assert.Equal(ConfigurationErrorKind.BaseUriInvalid, error.Kind);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public async Task RoutedIdsAreReadAtTheirOwnAddressAndOthersThroughTheFallback()
    {
        home.Tasks.Add(EmulatedTask.Succeeded("at-home"));
        other.Tasks.Add(EmulatedTask.Succeeded("elsewhere"));
        var key = ApiKey.FromString(Key);
        var router = new RoutedTaskSource(new RunwayClient(new CometApiConnection(home.BaseUri, key)));
        Assert.True(router.TryRoute("elsewhere", other.BaseUri, new RunwayClient(new CometApiConnection(other.BaseUri, key))));

        var there = await router.GetTaskAsync(" elsewhere ", RunwayTaskFormat.Official, CancellationToken.None);
        var here = await router.GetTaskAsync("at-home", RunwayTaskFormat.Feed, CancellationToken.None);

        Assert.Equal((other.BaseUri, home.BaseUri), (there.BaseUri, here.BaseUri));
        Assert.Equal("/runwayml/v1/tasks/elsewhere", Assert.Single(other.Requests).Path);
        Assert.Equal("/runway/feed", Assert.Single(home.Requests).Path);
    }

    [Fact]
    public void OneIdHasOneAddressPerCommand()
    {
        var key = ApiKey.FromString(Key);
        var router = new RoutedTaskSource(new RunwayClient(new CometApiConnection(home.BaseUri, key)));

        Assert.True(router.TryRoute("t", other.BaseUri, new RunwayClient(new CometApiConnection(other.BaseUri, key))));
        Assert.True(router.TryRoute("t", other.BaseUri, new RunwayClient(new CometApiConnection(other.BaseUri, key))));
        Assert.False(router.TryRoute("t", home.BaseUri, new RunwayClient(new CometApiConnection(home.BaseUri, key))));
        Assert.Equal(other.BaseUri, router.AddressOf("t"));
    }

    [Fact]
    public async Task ARefusedIdFailsWithTheReasonAndSendsNothing()
    {
        var router = new RoutedTaskSource(new RunwayClient(new CometApiConnection(home.BaseUri, ApiKey.FromString(Key))));
        router.Refuse("t", other.BaseUri, "not trusted");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => router.GetTaskAsync("t", RunwayTaskFormat.Official, CancellationToken.None));

        Assert.Equal("not trusted", error.Message);
        Assert.Empty(home.Requests);
        Assert.Empty(other.Requests);
    }
}
