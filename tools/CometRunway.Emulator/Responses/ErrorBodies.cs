using System.Text.Json;

namespace CometRunway.Emulator.Responses;

/// <summary>The error bodies CometAPI sends.</summary>
internal static class ErrorBodies
{
    public static byte[] TaskNotExist() =>
        """{"code":"task_not_exist","message":"task_not_exist","data":null}"""u8.ToArray();

    /// <summary><c>{"error":{"message":"... (request id: X)","type","param","code"}}</c>.</summary>
    public static byte[] Gateway(string message, string requestId, string type, string code, string param = "") =>
        JsonBytes.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("message", $"{message} (request id: {requestId})");
            writer.WriteString("type", type);
            writer.WriteString("param", param);
            writer.WriteString("code", code);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
}

internal static class JsonBytes
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream(512);
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
