using System.Net;
using System.Net.Sockets;
using System.Text;
using CometRunway.Core.Configuration;
using CometRunway.Core.Http;
using CometRunway.Core.Tasks;
using CometRunway.Core.Tests.Support;

namespace CometRunway.Core.Tests.Http;

/// <summary>
/// A connection that breaks after the headers, in the middle of the body: a raw socket server on 127.0.0.1
/// makes that moment exact (the emulator's reset may land before or after the headers).
/// </summary>
public sealed class BrokenBodyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyCutShortIsANetworkErrorAndIsRetried(bool reset)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref connections);
                await ReadRequestHeadAsync(socket, stop.Token);
                await socket.SendAsync(Encoding.ASCII.GetBytes(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"id\":\"task\",\"status\":"), stop.Token);
                await Task.Delay(50, stop.Token);
                if (reset)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                socket.Close();
            }
        });
        var client = new RunwayClient(
            new CometApiConnection(new Uri($"http://127.0.0.1:{port}/"), ApiKey.FromString("sk-test-broken-body-0123456789")),
            new RunwayClientOptions { Retry = EmulatorFixture.FastRetries });

        var error = await Assert.ThrowsAsync<RunwayApiException>(() => client.GetTaskAsync("task", RunwayTaskFormat.Official, default));

        Assert.Equal(RunwayErrorKind.Network, error.Kind);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, Volatile.Read(ref connections));
        Assert.Contains($"The connection to http://127.0.0.1:{port} broke while reading the answer for task 'task'", error.Message);
        Assert.DoesNotContain("sk-test-broken-body", error.ToString());
        stop.Cancel();
        listener.Stop();
        await Record.ExceptionAsync(() => server);
    }

    private static async Task ReadRequestHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
