using System.Text.Json.Serialization;

namespace CometRunway.Core.Json;

/// <summary>
/// Source-generated serialization for the request bodies we send. Responses are read tolerantly with
/// <see cref="System.Text.Json.JsonDocument"/> by <see cref="RunwayTaskParser"/> instead, because their shape varies.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FeedTaskRequest))]
internal sealed partial class CometJsonContext : JsonSerializerContext;
