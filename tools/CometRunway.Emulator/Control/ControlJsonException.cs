namespace CometRunway.Emulator.Control;

/// <summary>A control request whose JSON cannot be turned into a task or a fault; the message says what and why.</summary>
public sealed class ControlJsonException(string message) : Exception(message);
