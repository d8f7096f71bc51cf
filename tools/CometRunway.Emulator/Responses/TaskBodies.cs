using System.Globalization;
using System.Text.Json;
using CometRunway.Emulator.Faults;
using CometRunway.Emulator.Tasks;

namespace CometRunway.Emulator.Responses;

/// <summary>Renders a visible task in one of the three shapes, with the vocabulary of the route asked.</summary>
internal static class TaskBodies
{
    public static ResponseShape DefaultShape(FaultRoute route) =>
        route == FaultRoute.Feed ? ResponseShape.Wrapped : ResponseShape.Plain;

    /// <param name="view">The task now.</param>
    /// <param name="route">The route asked (decides the status vocabulary and the default shape).</param>
    /// <param name="baseUri">The emulator's address as the client used it, for default output URLs.</param>
    public static byte[] Render(TaskView view, FaultRoute route, Uri baseUri) =>
        JsonBytes.Write(writer =>
        {
            var outputs = Outputs(view, baseUri);
            switch (view.Task.Shape ?? DefaultShape(route))
            {
                case ResponseShape.Plain:
                    WritePlain(writer, view, route, outputs, baseUri);
                    break;
                case ResponseShape.Flat:
                    WriteFeedData(writer, view, route, outputs, baseUri);
                    break;
                default:
                    writer.WriteStartObject();
                    writer.WriteString("code", "success");
                    writer.WriteString("message", "");
                    writer.WritePropertyName("data");
                    WriteFeedData(writer, view, route, outputs, baseUri);
                    writer.WriteEndObject();
                    break;
            }
        });

    private static void WritePlain(Utf8JsonWriter writer, TaskView view, FaultRoute route, IReadOnlyList<string> outputs, Uri baseUri)
    {
        writer.WriteStartObject();
        writer.WriteString("id", view.Task.Id);
        writer.WriteString("status", StatusWords.Outer(route, view.Step));
        WriteRunwayBody(writer, view, outputs, baseUri, legacyVideoUrl: false);
        writer.WriteEndObject();
    }

    private static void WriteFeedData(Utf8JsonWriter writer, TaskView view, FaultRoute route, IReadOnlyList<string> outputs, Uri baseUri)
    {
        var task = view.Task;
        writer.WriteStartObject();
        writer.WriteString("task_id", task.Id);
        writer.WriteString("action", task.Action);
        writer.WriteString("status", StatusWords.Outer(route, view.Step));
        writer.WriteString("fail_reason", FeedFailReason(view));
        writer.WriteNumber("submit_time", view.CreatedAt.ToUnixTimeSeconds());
        writer.WriteNumber("start_time", view.StartedAt?.ToUnixTimeSeconds() ?? 0);
        writer.WriteNumber("finish_time", view.FinishedAt?.ToUnixTimeSeconds() ?? 0);
        writer.WriteString("progress", FeedProgress(view));
        if (outputs.Count > 0)
        {
            writer.WriteString("result_url", outputs[0]);
        }

        writer.WriteStartObject("data");
        writer.WriteString("id", task.Id);
        writer.WriteString("status", StatusWords.Runway(view.State));
        WriteRunwayBody(writer, view, outputs, baseUri, task.UseLegacyVideoUrl);
        writer.WriteEndObject();

        writer.WriteEndObject();
    }

    /// <summary>The Runway-task fields after id and status, shared by the plain shape and the nested provider object.</summary>
    private static void WriteRunwayBody(Utf8JsonWriter writer, TaskView view, IReadOnlyList<string> outputs, Uri baseUri, bool legacyVideoUrl)
    {
        var task = view.Task;
        writer.WriteString("createdAt", view.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (!view.IsTerminal)
        {
            writer.WriteNumber("progress", Math.Round(Math.Clamp(view.Step.Progress, 0, 1), 4));
        }

        if (outputs.Count > 0)
        {
            if (legacyVideoUrl)
            {
                writer.WriteString("video_url", outputs[0]);
            }
            else
            {
                writer.WriteStartArray("output");
                foreach (var url in outputs)
                {
                    writer.WriteStringValue(url);
                }

                writer.WriteEndArray();
            }
        }

        if (view.State == EmulatedState.Succeeded)
        {
            foreach (var (name, url) in task.Assets)
            {
                writer.WriteString(name, Resolve(baseUri, url));
            }
        }

        if (view.State is EmulatedState.Failed or EmulatedState.Cancelled)
        {
            if (task.FailureReason is not null)
            {
                writer.WriteString("failure", task.FailureReason);
            }

            if (task.FailureCode is not null)
            {
                writer.WriteString("failureCode", task.FailureCode);
            }
        }

        foreach (var (name, value) in task.Extra)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object));
        }
    }

    private static IReadOnlyList<string> Outputs(TaskView view, Uri baseUri)
    {
        if (view.State != EmulatedState.Succeeded || view.Step.OmitOutput)
        {
            return [];
        }

        return view.Task.Output is { } output
            ? output.Select(url => Resolve(baseUri, url)).ToArray()
            : [DefaultOutput(baseUri, view.Task.Id)];
    }

    /// <summary>Absolute URLs go out verbatim; relative ones (e.g. <c>files/x.png</c>) point at the emulator itself.</summary>
    private static string Resolve(Uri baseUri, string url) =>
        url.Contains("://", StringComparison.Ordinal) ? url : new Uri(baseUri, url).AbsoluteUri;

    public static string DefaultOutput(Uri baseUri, string taskId) =>
        new Uri(baseUri, "files/" + Uri.EscapeDataString(taskId) + ".mp4").AbsoluteUri;

    private static string FeedFailReason(TaskView view) => view.State switch
    {
        EmulatedState.Failed => view.Task.FailureReason ?? "Task failed",
        EmulatedState.Cancelled => view.Task.FailureReason ?? "Task was cancelled",
        _ => "",
    };

    private static string FeedProgress(TaskView view)
    {
        var fraction = view.State == EmulatedState.Succeeded ? 1 : Math.Clamp(view.Step.Progress, 0, 1);
        return ((int)Math.Round(fraction * 100)).ToString(CultureInfo.InvariantCulture) + "%";
    }
}
