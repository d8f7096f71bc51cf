namespace CometRunway.Core.Tasks;

/// <summary>Which CometAPI route a task is read from.</summary>
public enum RunwayTaskFormat
{
    /// <summary><c>GET /runwayml/v1/tasks/{id}</c>.</summary>
    Official = 0,

    /// <summary><c>POST /runway/feed</c> (the compatibility format).</summary>
    Feed,
}
