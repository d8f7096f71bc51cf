namespace CometRunway.Emulator.Faults;

/// <summary>Which task route a fault rule applies to.</summary>
public enum FaultRoute
{
    /// <summary>Both task routes.</summary>
    Any,

    /// <summary><c>GET /runwayml/v1/tasks/{id}</c>.</summary>
    Official,

    /// <summary><c>POST /runway/feed</c>.</summary>
    Feed,
}
