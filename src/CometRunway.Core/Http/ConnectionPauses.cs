using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CometRunway.Core.Configuration;
using CometRunway.Core.Retry;

namespace CometRunway.Core.Http;

/// <summary>
/// The <see cref="RateLimitPause"/> of each connection (base address and key): every client and creator given the same
/// instance (<see cref="RunwayClientOptions.Pauses"/>) keeps out of a window a 429 asked for, whoever got the 429, and a
/// 429 from one address pauses no other. The module keeps one per runspace, so the commands of a pipeline share it.
/// Thread-safe.
/// </summary>
internal sealed class ConnectionPauses
{
    private readonly ConcurrentDictionary<(TimeProvider Time, string Connection), RateLimitPause> pauses = new();

    internal RateLimitPause For(CometApiConnection connection, TimeProvider time) =>
        pauses.GetOrAdd((time, Name(connection)), static key => new RateLimitPause(key.Time));

    /// <summary>The address and a hash of the key: the key itself is never kept outside its <see cref="ApiKey"/>.</summary>
    private static string Name(CometApiConnection connection) =>
        connection.BaseUri.AbsoluteUri + " " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(connection.ApiKey.Reveal())));
}
