using CometRunway.Core.Tasks;

namespace CometRunway.Core.Http;

/// <summary>Reads one task by id. RunwayClient is the real one; the waiter and downloader depend only on this.</summary>
internal interface IRunwayTaskSource
{
    /// <exception cref="RunwayApiException">The task could not be read; <see cref="RunwayApiException.Kind"/> says why.</exception>
    Task<RunwayTask> GetTaskAsync(string id, RunwayTaskFormat format, CancellationToken cancellationToken);
}
