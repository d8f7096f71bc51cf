namespace CometRunway.Emulator.Responses;

/// <summary>What the create routes answer (docs/design/create-routes.md, "Answers").</summary>
internal static class CreateBodies
{
    /// <summary>The official routes' <c>{"id":"…"}</c>.</summary>
    public static byte[] OfficialCreated(string id) =>
        JsonBytes.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteEndObject();
        });

    /// <summary>The compatibility envelope, newer (<c>message</c> and <c>msg</c>) or older (<c>msg</c> and <c>exec_time</c>) variant.</summary>
    public static byte[] CompatibilityCreated(string id, bool older) =>
        JsonBytes.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", 200);
            if (!older)
            {
                writer.WriteString("message", "");
            }

            writer.WriteString("msg", older ? "成功" : "success");
            writer.WriteStartObject("data");
            writer.WriteString("task_id", id);
            writer.WriteEndObject();
            if (older)
            {
                writer.WriteNumber("exec_time", 0.42);
            }

            writer.WriteEndObject();
        });

    /// <summary><c>{"code":400,"msg":"…","data":null}</c>: the wrapper's refusal, with the reason in <c>msg</c>.</summary>
    public static byte[] CompatibilityRefused(string message) =>
        JsonBytes.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", 400);
            writer.WriteString("msg", message);
            writer.WriteNull("data");
            writer.WriteEndObject();
        });
}
