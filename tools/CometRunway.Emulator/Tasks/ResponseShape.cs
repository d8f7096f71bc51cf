namespace CometRunway.Emulator.Tasks;

/// <summary>The three response shapes CometAPI has been seen to send (see docs/design/wire-format.md).</summary>
public enum ResponseShape
{
    /// <summary><c>{"code":"success","message":"","data":{task_id, status, ..., data:{provider}}}</c>.</summary>
    Wrapped,

    /// <summary>The fields of the wrapped <c>data</c> object at the top level.</summary>
    Flat,

    /// <summary>A plain Runway task: <c>{"id","status","createdAt","progress","output",...}</c>.</summary>
    Plain,
}
