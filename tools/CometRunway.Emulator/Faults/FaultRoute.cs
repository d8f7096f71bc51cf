namespace CometRunway.Emulator.Faults;

/// <summary>Which task route a fault rule applies to.</summary>
public enum FaultRoute
{
    /// <summary>Every API route: both task routes and every create route.</summary>
    Any,

    /// <summary><c>GET /runwayml/v1/tasks/{id}</c>.</summary>
    Official,

    /// <summary><c>POST /runway/feed</c>.</summary>
    Feed,

    /// <summary>Every create route, official (<c>/runwayml/v1/…</c>) and compatibility (<c>/runway/pro/…</c>).</summary>
    Create,
}
